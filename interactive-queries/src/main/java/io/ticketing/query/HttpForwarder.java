package io.ticketing.query;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import javax.net.ssl.SSLContext;
import org.apache.kafka.streams.state.HostInfo;

/**
 * {@link Forwarder} over HTTP/1.1 with {@code java.net.http} (kept-alive connections, reused), over
 * TLS when the instances serve HTTPS. Every call carries this instance's credential as its bearer
 * token: the receiving instance answers {@code /internal/*} only to that.
 *
 * <p>A call bounded by the forward timeout (a key lookup, a part of a show-wide query) is a blocking
 * {@code send} on the caller's thread, not {@code sendAsync}: on JDK 17 {@code sendAsync} hands
 * every response to {@code CompletableFuture}'s default executor, which with fewer than three cores
 * is a new thread per call (profiled: one thread started per forwarded lookup, forwarded p99 8× local),
 * and a pool of our own in between cost a hand-off per forward (measured: ~75 µs of CPU per
 * forwarded lookup more, docs/benchmarks.md §3). A call allowed to take longer (a forwarded
 * long-poll, up to 25 s) would hold its caller for that long, so it stays asynchronous: one thread
 * per long wait is cheap next to the wait.
 *
 * <p>Either way the whole exchange, body included, ends by the call's timeout ({@link BoundedBody}).
 *
 * <p>At most {@link #MAX_IN_FLIGHT} bounded calls run at once, so an owner that hangs can hold that
 * many server threads for the forward timeout and no more; beyond that a call fails at once and the
 * caller treats the owner as unreachable (a standby answers, or 503 + Retry-After): overload is
 * answered, never queued.
 */
final class HttpForwarder implements Forwarder {

    /** The headers of another instance's answer that mean something to ours; the rest is dropped. */
    private static final List<String> RELAYED = List.of(QueryHeaders.STALE, QueryHeaders.STALE_LAG,
            QueryHeaders.WAIT, QueryHeaders.COMPLETE, "Retry-After");

    /** Bounded forwards in flight at once; each holds its caller's thread for at most the forward timeout. */
    static final int MAX_IN_FLIGHT = 64;

    private final HttpClient client;
    private final Duration forwardTimeout;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    /** Where a long-poll's answer continues (the caller's continuations write the HTTP response). */
    private final Executor longPollReplies;
    private final String authorization;
    private final String scheme;

    /**
     * @param forwardTimeout  the bound on one call (also the connect timeout); calls given a longer
     *                        bound are long-polls and run asynchronously
     * @param longPollReplies where a long-poll's answer is handed on: the query layer's worker pool,
     *                        never the client's selector thread
     */
    HttpForwarder(Duration forwardTimeout, Executor longPollReplies, String instanceCredential,
                  Optional<SSLContext> tls) {
        this.forwardTimeout = forwardTimeout;
        this.longPollReplies = longPollReplies;
        this.authorization = "Bearer " + instanceCredential;
        this.scheme = tls.isPresent() ? "https://" : "http://";
        HttpClient.Builder builder = HttpClient.newBuilder();
        tls.ifPresent(builder::sslContext);
        this.client = builder
                // The client's own tasks (reading and handing over a small answer) run on its selector
                // thread instead of a hand-off to a cached pool: ~55 µs of CPU less per forward
                // (docs/benchmarks.md §3). Nothing of ours runs there: a bounded call's caller takes
                // its answer, a long-poll's answer moves on to longPollReplies.
                .executor(Runnable::run)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(forwardTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public CompletableFuture<Reply> get(HostInfo host, String pathAndQuery, Duration timeout) {
        URI uri = URI.create(scheme + host.host() + ":" + host.port() + pathAndQuery);
        HttpResponse.BodyHandler<byte[]> wholeInTime = BoundedBody.by(System.nanoTime() + timeout.toNanos());
        if (timeout.compareTo(forwardTimeout) > 0) {
            return client.sendAsync(request(uri, timeout), wholeInTime)
                    // handleAsync, not thenApplyAsync: a failure must leave the selector thread too.
                    .handleAsync((response, failure) -> {
                        if (failure instanceof CompletionException wrapped) {
                            throw wrapped; // as sendAsync failed it: the cause once, not wrapped twice
                        }
                        if (failure != null) {
                            throw new CompletionException(failure);
                        }
                        return toReply(response);
                    }, longPollReplies);
        }
        if (!inFlight.tryAcquire()) {
            return CompletableFuture.failedFuture(new RejectedExecutionException(
                    "more than " + MAX_IN_FLIGHT + " forwards in flight"));
        }
        try {
            return CompletableFuture.completedFuture(toReply(
                    client.send(request(uri, timeout), wholeInTime)));
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        } finally {
            inFlight.release();
        }
    }

    private HttpRequest request(URI uri, Duration timeout) {
        return HttpRequest.newBuilder(uri)
                .header(FORWARDED_HEADER, "1")
                .header("Authorization", authorization)
                .timeout(timeout)
                .GET()
                .build();
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
