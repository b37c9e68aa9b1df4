package io.ticketing.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.sse.SseClient;
import io.ticketing.serdes.Json;
import io.ticketing.topology.StoreNames;
import io.ticketing.topology.view.SeatView;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import javax.net.ssl.SSLContext;
import java.util.Optional;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The live seat map's feed: {@code GET /events/{eventId}/seats/live} streams (Server-Sent Events,
 * event {@code seat}, data a seat's JSON) every seat of the show that changes from now on, wherever
 * it is decided. Each instance tells only of the seats its arbiter decides, so the public stream
 * is this instance's changes plus a relay of every other instance's internal stream
 * ({@link #INTERNAL_PATH}), taken from the members known when the stream opens.
 *
 * <p>When a relayed stream ends (that instance stopped, partitions moved), the public stream ends too:
 * the browser's EventSource reconnects, to the members known then, and the console reloads the
 * show's seats on every (re)connect, so nothing missed in between stays missing.
 */
final class LiveSeats implements AutoCloseable {

    static final String PUBLIC_PATH = "/events/{eventId}/seats/live";
    static final String INTERNAL_PATH = "/internal/shows/%s/seat-changes";
    static final String EVENT = "seat";
    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final Cluster cluster;
    private final SeatChanges changes;
    private final String authorization;
    private final String scheme;
    private final QueryPool relayThreads = QueryPool.create("seat-relay", 2, 1_024, QueryPool.callerRuns());
    private final HttpClient client;
    private final Set<Sink> open = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService pings = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "seat-feed-pings");
        thread.setDaemon(true);
        return thread;
    });

    LiveSeats(Cluster cluster, SeatChanges changes, Duration connectTimeout, String instanceCredential,
              Optional<SSLContext> tls) {
        this.cluster = cluster;
        this.changes = changes;
        this.authorization = "Bearer " + instanceCredential;
        this.scheme = tls.isPresent() ? "https://" : "http://";
        HttpClient.Builder builder = HttpClient.newBuilder();
        tls.ifPresent(builder::sslContext);
        this.client = builder
                .executor(relayThreads)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        // A comment line now and then: proxies keep the stream open, and a gone browser is noticed.
        pings.scheduleAtFixedRate(() -> open.forEach(Sink::ping), KEEP_ALIVE.toMillis(), KEEP_ALIVE.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void register(RoutesConfig routes) {
        String internal = String.format(INTERNAL_PATH, "{eventId}");
        // Validated before the stream starts, so a bad id is a problem+json 400 like everywhere else.
        routes.before(PUBLIC_PATH, ctx -> PathParams.id("eventId", ctx.pathParam("eventId")));
        routes.before(internal, ctx -> PathParams.id("eventId", ctx.pathParam("eventId")));
        routes.sse(PUBLIC_PATH, sse -> stream(sse, true));
        routes.sse(internal, sse -> stream(sse, false));
    }

    void register(io.javalin.config.JavalinConfig config, QueryRoutes access) {
        config.routes.before(PUBLIC_PATH, access.filter(ApiRoute.EVENT_SEATS));
        config.routes.before(String.format(INTERNAL_PATH, "{eventId}"), access.filter(ApiRoute.INTERNAL));
        register(config.routes);
        config.events.serverStopping(this::endStreams);
    }

    /** Open streams on this instance (public and internal). */
    int open() {
        return open.size();
    }

    private void stream(SseClient sse, boolean relayOthers) {
        String eventId = sse.ctx().pathParam("eventId");
        sse.keepAlive();
        Sink sink = new Sink(sse);
        List<AutoCloseable> sources = new ArrayList<>();
        sources.add(changes.watch(eventId, seat -> sink.seat(json(seat))));
        if (relayOthers) {
            for (Cluster.Member member : cluster.members(StoreNames.SEATS)) {
                if (!member.host().equals(cluster.self())) {
                    sources.add(relay(member.host(), eventId, sink));
                }
            }
        }
        open.add(sink);
        sse.onClose(() -> {
            open.remove(sink);
            sources.forEach(LiveSeats::closeQuietly);
        });
        sink.comment("streaming seats of " + eventId);
    }

    /** Another instance's internal stream, each of its seats passed on to {@code sink}. */
    private AutoCloseable relay(HostInfo host, String eventId, Sink sink) {
        URI uri = URI.create(scheme + host.host() + ":" + host.port() + String.format(INTERNAL_PATH, eventId));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header(Forwarder.FORWARDED_HEADER, "1")
                .header("Authorization", authorization)
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        DataLines lines = new DataLines(sink);
        CompletableFuture<HttpResponse<Void>> exchange = client.sendAsync(request,
                HttpResponse.BodyHandlers.fromLineSubscriber(lines));
        exchange.whenComplete((response, failure) -> sink.close());
        return () -> {
            lines.cancel();
            exchange.cancel(true);
        };
    }

    private static String json(SeatView seat) {
        try {
            return Json.mapper().writeValueAsString(seat);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a seat", e);
        }
    }

    private static void closeQuietly(AutoCloseable source) {
        try {
            source.close();
        } catch (Exception e) {
            // Ending a stream nobody reads any more: nothing left to do about it.
        }
    }

    /** Ends every open stream; called while the server is stopping, before its connections go. */
    void endStreams() {
        open.forEach(Sink::close);
    }

    @Override
    public void close() {
        pings.shutdownNow();
        relayThreads.close();
    }

    /** One open stream; its writes come from several threads, one at a time. */
    private static final class Sink {
        private final SseClient sse;

        Sink(SseClient sse) {
            this.sse = sse;
        }

        synchronized void seat(String json) {
            if (!sse.terminated()) {
                sse.sendEvent(EVENT, json);
            }
        }

        synchronized void comment(String text) {
            if (!sse.terminated()) {
                sse.sendComment(text);
            }
        }

        void ping() {
            comment("ping");
        }

        synchronized void close() {
            if (!sse.terminated()) {
                sse.close();
            }
        }
    }

    /**
     * Reads another instance's stream: that instance writes each seat as one {@code data:} line of
     * JSON (our own format, so a line is an event), and the rest (event names, comments) is skipped.
     */
    private static final class DataLines implements Flow.Subscriber<String> {
        private static final String DATA = "data:";
        private final Sink sink;
        private volatile Flow.Subscription subscription;
        private volatile boolean cancelled;

        DataLines(Sink sink) {
            this.sink = sink;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (cancelled) {
                subscription.cancel();
            } else {
                subscription.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(String line) {
            if (line.startsWith(DATA)) {
                sink.seat(line.substring(DATA.length()).trim());
            }
        }

        @Override
        public void onError(Throwable failure) {
            // The exchange's future completes too; it ends the public stream.
        }

        @Override
        public void onComplete() {
        }

        void cancel() {
            cancelled = true;
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }
}
