package io.ticketing.query;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.ticketing.topology.TicketCodes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The HTTP layer of one instance (CONTRACT §7): key lookups answered wherever the key lives,
 * show-wide queries gathered from every instance, long-polls, ticket checks and PDFs, health and
 * Prometheus metrics. See the module README for routes, status codes and headers.
 */
public final class QueryServer implements AutoCloseable {

    /** Threads for store scans, PDFs and long-poll endings (CPU work, so few). */
    static final int WORKER_THREADS = 8;
    static final int WORKER_QUEUE = 1_024;

    private final Javalin app;
    private final List<AutoCloseable> resources;
    private final List<String> getRoutes;

    private QueryServer(Javalin app, List<AutoCloseable> resources, List<String> getRoutes) {
        this.app = app;
        this.resources = resources;
        this.getRoutes = getRoutes;
    }

    /** Without a live seat feed from the topology (the console's seat map then updates on reload only). */
    public static QueryServer start(QueryServerSettings settings, KafkaStreams streams, ViewWaiters waiters,
                                    PrometheusMeterRegistry registry) {
        return start(settings, streams, waiters, new SeatChanges(), registry);
    }

    public static QueryServer start(QueryServerSettings settings, KafkaStreams streams, ViewWaiters waiters,
                                    SeatChanges seatChanges, PrometheusMeterRegistry registry) {
        List<AutoCloseable> resources = new ArrayList<>();
        KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
        resources.add(streamsMetrics);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        JvmGcMetrics gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(registry);
        resources.add(gcMetrics);

        StreamsLocalStores stores = new StreamsLocalStores(streams);
        resources.add(stores);
        QueryPool workers = workerPool();
        resources.add(workers);
        return start(settings, new StreamsCluster(streams, settings.self()), stores,
                new HttpForwarder(settings.forwardTimeout(), workers,
                        settings.authentication().instanceCredential(), settings.tls().map(HttpTls::clientContext)),
                workers, waiters, seatChanges, new StreamsInstanceOps(streams, settings.self()), streams::state,
                registry, resources);
    }

    /**
     * Store scans, PDFs, show-wide parts and long-poll endings run here, off Jetty's threads and never
     * on a thread started for the occasion (see QueryPool). Saturated, the caller runs the task:
     * slower, never lost.
     */
    static QueryPool workerPool() {
        return QueryPool.create("query-worker", WORKER_THREADS, WORKER_QUEUE, QueryPool.callerRuns());
    }

    /**
     * The wiring without a streams client: tests hand in fakes for the cluster, stores and forwarder.
     * {@code resources} are closed with the server ({@code workers} among them when it is ours to close).
     */
    static QueryServer start(QueryServerSettings settings, Cluster cluster, LocalStores stores, Forwarder forwarder,
                             Executor workers, ViewWaiters waiters, Supplier<KafkaStreams.State> state, PrometheusMeterRegistry registry,
                             List<AutoCloseable> resources) {
        InstanceOps ops = () -> new InstanceOps.Snapshot(settings.self().host() + ":" + settings.self().port(),
                state.get().name(), List.of(), List.of(), 0, 0, 0, java.util.Map.of());
        return start(settings, cluster, stores, forwarder, workers, waiters, new SeatChanges(), ops, state, registry,
                resources);
    }

    static QueryServer start(QueryServerSettings settings, Cluster cluster, LocalStores stores, Forwarder forwarder,
                             Executor workers, ViewWaiters waiters, SeatChanges seatChanges, InstanceOps ops,
                             Supplier<KafkaStreams.State> state, PrometheusMeterRegistry registry,
                             List<AutoCloseable> resources) {
        QueryMetrics metrics = new QueryMetrics(registry);
        for (String store : StreamsLocalStores.QUERY_STORES) {
            Gauge.builder("ticketing.store.entries", stores, s -> {
                        java.util.OptionalLong entries = s.approximateEntries(store);
                        return entries.isPresent() ? entries.getAsLong() : Double.NaN;
                    })
                    .description("Approximate entries in this instance's active replicas of a query store")
                    .tag("store", store)
                    .register(registry);
        }
        Gauge.builder("ticketing.query.waiters", waiters, ViewWaiters::waiting)
                .description("Long-polls waiting on this instance")
                .register(registry);

        Health health = new Health(state, stores::queryable);
        KeyLookup keys = new KeyLookup(cluster, new LocalLookup(stores, waiters, workers), forwarder,
                settings.forwardTimeout(), metrics);
        QueryRoutes routes = new QueryRoutes(keys,
                new ShowQueries(cluster, stores, forwarder, settings.forwardTimeout(), workers),
                stores, workers,
                new TicketVerifier(new TicketCodes(settings.ticketSecret()), keys),
                new TicketPdf(), settings.authentication());
        LiveSeats live = new LiveSeats(cluster, seatChanges, settings.forwardTimeout(),
                settings.authentication().instanceCredential(), settings.tls().map(HttpTls::clientContext));
        List<AutoCloseable> closing = new ArrayList<>(resources);
        closing.add(0, live);
        ConsoleRoutes console = new ConsoleRoutes(live,
                new OpsQueries(cluster, ops, forwarder, settings.forwardTimeout(), workers));
        ApiDocs docs = new ApiDocs(settings.topics());

        List<String> getRoutes = new java.util.concurrent.CopyOnWriteArrayList<>();
        Javalin app = Javalin.create(config -> {
            config.events.handlerAdded(handler -> {
                if (handler.getHttpMethod() == io.javalin.http.HandlerType.GET) {
                    getRoutes.add(handler.getPath());
                }
            });
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
            // Every answer is already bounded (forward timeouts, long-poll timeouts); this is the net
            // under them, and it answers 503 (retry) rather than Jetty's 500.
            config.http.asyncTimeout = WaitFor.MAX_TIMEOUT.plus(settings.forwardTimeout().multipliedBy(3))
                    .plusSeconds(5).toMillis();
            config.jetty.timeoutStatus = 503;
            config.requestLogger.http((ctx, ms) -> metrics.request(ctx.method().name(), routeOf(ctx),
                    ctx.statusCode(), Duration.ofNanos((long) (ms * 1_000_000))));
            config.routes.get("/health/live", ctx -> write(ctx, health.live()));
            config.routes.get("/health/ready", ctx -> write(ctx, health.ready()));
            config.routes.get("/metrics", routes.guard(ApiRoute.METRICS, (ctx, owner) -> ctx
                    .contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape())));
            settings.tls().ifPresent(tls -> tls.serveOn(config, settings.port()));
            routes.register(config.routes);
            console.register(config, routes);
            docs.register(config);
            config.routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, Errors.fromJavalin(e.getStatus())));
            config.routes.exception(Exception.class, (e, ctx) -> write(ctx, Errors.toReply(e)));
        }).start(settings.port());
        return new QueryServer(app, List.copyOf(closing), getRoutes);
    }

    /** The paths of every GET route, as registered (the OpenAPI document must list each public one). */
    List<String> getRoutes() {
        return List.copyOf(getRoutes);
    }

    /** The port actually bound. */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                // Closing on the way out: nothing left to do about it.
            }
        }
    }

    static void write(Context ctx, Reply reply) {
        ctx.status(reply.status());
        reply.headers().forEach(ctx::header);
        ctx.contentType(reply.contentType()).result(reply.body());
    }

    /** The route template, so latency histograms do not get one series per id. */
    private static String routeOf(Context ctx) {
        try {
            return ctx.endpoint().path;
        } catch (RuntimeException noMatchedRoute) {
            return "unmatched";
        }
    }
}
