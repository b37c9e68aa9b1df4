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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * {@link Forwarder} over plain HTTP/1.1 with {@code java.net.http} (kept-alive connections, reused).
 *
 * <p>A call bounded by the forward timeout (a key lookup, a part of a show-wide query) is a blocking
 * {@code send} on a bounded pool of our own, not {@code sendAsync}: on JDK 17 {@code sendAsync} hands
 * every response to {@code CompletableFuture}'s default executor, which with fewer than three cores
 * is a new thread per call (profiled: one thread started per forwarded lookup, forwarded p99 8× local).
 * A call allowed to take longer (a forwarded long-poll, up to 25 s) would hold a pool thread for
 * that long, so it stays asynchronous: one thread per long wait is cheap next to the wait.
 *
 * <p>When the pool and its queue are full the call fails at once, and the caller treats the owner as
 * unreachable (a standby answers, or 503 + Retry-After): overload is answered, never queued past the
 * bound.
 */
final class HttpForwarder implements Forwarder, AutoCloseable {

    /** The headers of another instance's answer that mean something to ours; the rest is dropped. */
    private static final List<String> RELAYED = List.of(QueryHeaders.STALE, QueryHeaders.STALE_LAG,
            QueryHeaders.WAIT, QueryHeaders.COMPLETE, "Retry-After");

    /** Forwards in flight at once; each holds a thread for at most the forward timeout. */
    static final int THREADS = 64;
    /** Forwards that may wait for a thread; beyond that the owner counts as unreachable. */
    static final int QUEUE = 1_024;

    private final HttpClient client;
    private final Duration forwardTimeout;
    private final QueryPool pool;

    /**
     * @param forwardTimeout the bound on one call (also the connect timeout); calls given a longer
     *                       bound are long-polls and run asynchronously
     */
    HttpForwarder(Duration forwardTimeout) {
        this.forwardTimeout = forwardTimeout;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(forwardTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.pool = QueryPool.create("query-forward", THREADS, QUEUE, QueryPool.refuse());
    }

    @Override
    public CompletableFuture<Reply> get(HostInfo host, String pathAndQuery, Duration timeout) {
        URI uri = URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery);
        CompletableFuture<Reply> reply = timeout.compareTo(forwardTimeout) > 0
                ? client.sendAsync(request(uri, timeout), HttpResponse.BodyHandlers.ofByteArray()).thenApply(HttpForwarder::toReply)
                : sendOnPool(uri, timeout);
        // The request timeout covers the wait for headers; this bounds the whole exchange.
        return reply.orTimeout(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
    }

    private CompletableFuture<Reply> sendOnPool(URI uri, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        try {
            pool.execute(() -> {
                // Time spent queued counts against the bound.
                long left = deadline - System.nanoTime();
                if (reply.isDone() || left <= 0) {
                    reply.completeExceptionally(new TimeoutException("no thread to forward within the bound"));
                    return;
                }
                try {
                    HttpResponse<byte[]> response = client.send(request(uri, Duration.ofNanos(left)),
                            HttpResponse.BodyHandlers.ofByteArray());
                    reply.complete(toReply(response));
                } catch (IOException | RuntimeException e) {
                    reply.completeExceptionally(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    reply.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException full) {
            reply.completeExceptionally(full);
        }
        return reply;
    }

    private static HttpRequest request(URI uri, Duration timeout) {
        return HttpRequest.newBuilder(uri)
                .header(FORWARDED_HEADER, "1")
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

    @Override
    public void close() {
        pool.close();
    }
}
