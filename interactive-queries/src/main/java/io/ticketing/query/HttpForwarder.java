package io.ticketing.query;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.state.HostInfo;

/** {@link Forwarder} over plain HTTP/1.1 with {@code java.net.http}. */
final class HttpForwarder implements Forwarder {

    /** The headers of another instance's answer that mean something to ours; the rest is dropped. */
    private static final List<String> RELAYED = List.of(QueryHeaders.STALE, QueryHeaders.STALE_LAG,
            QueryHeaders.WAIT, QueryHeaders.COMPLETE, "Retry-After");

    private final HttpClient client;

    HttpForwarder(Duration connectTimeout) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public CompletableFuture<Reply> get(HostInfo host, String pathAndQuery, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery))
                .header(FORWARDED_HEADER, "1")
                .timeout(timeout)
                .GET()
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(HttpForwarder::toReply)
                // The request timeout covers the wait for headers; this bounds the whole exchange.
                .orTimeout(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
    }

    private static Reply toReply(HttpResponse<byte[]> response) {
        Map<String, String> headers = new HashMap<>();
        for (String name : RELAYED) {
            response.headers().firstValue(name).ifPresent(value -> headers.put(name, value));
        }
        String contentType = response.headers().firstValue("Content-Type").orElse(Reply.JSON);
        return new Reply(response.statusCode(), contentType, response.body(), headers);
    }
}
