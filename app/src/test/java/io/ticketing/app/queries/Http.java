package io.ticketing.app.queries;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticketing.serdes.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A test's HTTP client: every request bounded, so a hang fails the test instead of stalling it. */
final class Http {

    /** Longer than any answer may take (forward timeout plus a standby hop), shorter than patience. */
    static final Duration BOUND = Duration.ofSeconds(20);

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    static HttpResponse<String> get(int port, String path) {
        try {
            return CLIENT.send(request(port, path, BOUND), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new AssertionError("no answer within " + BOUND + " for " + path, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static CompletableFuture<HttpResponse<String>> getAsync(int port, String path, Duration bound) {
        return CLIENT.sendAsync(request(port, path, bound), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpRequest request(int port, String path, Duration bound) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(bound).GET().build();
    }
}
