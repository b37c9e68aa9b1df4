package io.ticketing.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The forwarder against a real HTTP server that holds its answers: the in-flight bound, and the answers. */
class HttpForwarderTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger received = new AtomicInteger();
    private HttpServer owner;
    private HostInfo host;
    private HttpForwarder forwarder;
    private ExecutorService callers;
    private QueryPool replies;

    @BeforeEach
    void start() throws IOException {
        owner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        owner.setExecutor(Executors.newCachedThreadPool());
        owner.createContext("/", exchange -> {
            received.incrementAndGet();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            boolean forwarded = exchange.getRequestHeaders().getFirst(Forwarder.FORWARDED_HEADER) != null;
            byte[] body = ("{\"forwarded\":" + forwarded + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", Reply.JSON);
            exchange.getResponseHeaders().add(QueryHeaders.STALE, "true");
            exchange.getResponseHeaders().add("X-Not-Relayed", "x");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        // Sends its headers and half the body, then stalls: a process paused mid-answer.
        owner.createContext("/stalls/", exchange -> {
            byte[] body = "{\"half\":\"of it\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            OutputStream out = exchange.getResponseBody();
            out.write(body, 0, body.length / 2);
            out.flush();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        owner.start();
        host = new HostInfo("127.0.0.1", owner.getAddress().getPort());
        replies = QueryServer.workerPool();
        forwarder = new HttpForwarder(TIMEOUT, replies, "credential", java.util.Optional.empty());
        callers = Executors.newCachedThreadPool();
    }

    @AfterEach
    void stop() {
        release.countDown();
        callers.shutdownNow();
        replies.close();
        owner.stop(0);
    }

    @Test
    void beyondTheInFlightBoundACallFailsAtOnceAndTheOthersAreAnswered() throws Exception {
        List<Future<CompletableFuture<Reply>>> held = new ArrayList<>();
        for (int i = 0; i < HttpForwarder.MAX_IN_FLIGHT; i++) {
            held.add(callers.submit(() -> forwarder.get(host, "/internal/keys/x/" + held.size(), TIMEOUT)));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> received.get() == HttpForwarder.MAX_IN_FLIGHT);

        CompletableFuture<Reply> refused = forwarder.get(host, "/internal/keys/x/one-more", TIMEOUT);
        assertThat(refused).isCompletedExceptionally();
        assertThat(refused.handle((reply, failure) -> failure).join()).isInstanceOf(RejectedExecutionException.class);

        release.countDown();
        for (Future<CompletableFuture<Reply>> call : held) {
            Reply reply = call.get(20, TimeUnit.SECONDS).get(20, TimeUnit.SECONDS);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(new String(reply.body(), StandardCharsets.UTF_8)).isEqualTo("{\"forwarded\":true}");
            assertThat(reply.headers()).containsEntry(QueryHeaders.STALE, "true").doesNotContainKey("X-Not-Relayed");
        }
        // The bound is released with the answers: a call goes through again.
        assertThat(forwarder.get(host, "/internal/keys/x/again", TIMEOUT).get(20, TimeUnit.SECONDS).status()).isEqualTo(200);
    }

    @Test
    void aLongPollIsAnsweredAsynchronouslyWithoutTakingABoundedSlot() throws Exception {
        Duration longPoll = TIMEOUT.plusSeconds(5);
        CompletableFuture<Reply> waiting = forwarder.get(host, "/internal/keys/x/wait?waitFor=paid", longPoll);
        await().atMost(Duration.ofSeconds(20)).until(() -> received.get() == 1);
        assertThat(waiting).isNotDone();

        release.countDown();
        assertThat(waiting.get(20, TimeUnit.SECONDS).status()).isEqualTo(200);
    }

    @Test
    void anAnswerThatStallsMidBodyFailsByTheCallsTimeoutNotTcps() throws Exception {
        Duration bound = Duration.ofMillis(1_500);
        Future<CompletableFuture<Reply>> call = callers.submit(() -> forwarder.get(host, "/stalls/x", bound));
        // Without a bound on the body, the call would wait for the owner's release (30 s) and answer 200.
        Throwable failure = call.get(15, TimeUnit.SECONDS).handle((reply, error) -> error).get(15, TimeUnit.SECONDS);
        assertThat(failure).isInstanceOf(java.net.http.HttpTimeoutException.class)
                .hasMessageContaining("not whole");

        // After a stall the forwarder answers the next call to that owner whole.
        release.countDown();
        Reply next = forwarder.get(host, "/internal/keys/x/after-the-stall", TIMEOUT).get(20, TimeUnit.SECONDS);
        assertThat(next.status()).isEqualTo(200);
        assertThat(new String(next.body(), StandardCharsets.UTF_8)).isEqualTo("{\"forwarded\":true}");
    }

    @Test
    void aStalledLongPollFailsByItsOwnTimeout() throws Exception {
        // A forward timeout of 200 ms makes a 2 s call a long-poll: the asynchronous path.
        HttpForwarder quick = new HttpForwarder(Duration.ofMillis(200), replies, "credential", java.util.Optional.empty());
        CompletableFuture<Reply> waiting = quick.get(host, "/stalls/wait?waitFor=paid", Duration.ofSeconds(2));
        assertThat(waiting.handle((reply, error) -> error).get(15, TimeUnit.SECONDS))
                .isInstanceOf(java.util.concurrent.CompletionException.class)
                // wrapped once, as any failed stage is: the timeout is the direct cause
                .cause().isInstanceOf(java.net.http.HttpTimeoutException.class);
    }

    @Test
    void anUnreachableOwnerFailsTheCall() throws Exception {
        owner.stop(0);
        CompletableFuture<Reply> call = forwarder.get(host, "/internal/keys/x/gone", TIMEOUT);
        assertThat(call.handle((reply, failure) -> failure).get(20, TimeUnit.SECONDS)).isNotNull();
    }
}
