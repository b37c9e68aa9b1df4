package io.ticketing.query;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The HTTP layer of one instance (CONTRACT §7).
 */
public final class QueryServer implements AutoCloseable {

    private final Javalin app;
    private final KafkaStreamsMetrics streamsMetrics;
    private final JvmGcMetrics gcMetrics;

    private QueryServer(Javalin app, KafkaStreamsMetrics streamsMetrics, JvmGcMetrics gcMetrics) {
        this.app = app;
        this.streamsMetrics = streamsMetrics;
        this.gcMetrics = gcMetrics;
    }

    public static QueryServer start(QueryServerSettings settings, KafkaStreams streams, ViewWaiters waiters,
                                    PrometheusMeterRegistry registry) {
        KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        JvmGcMetrics gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(registry);

        Health health = new Health(streams::state, () -> streams.state() == KafkaStreams.State.RUNNING);
        QueryMetrics metrics = new QueryMetrics(registry);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.requestLogger.http((ctx, ms) ->
                    metrics.request(ctx.method().name(), routeOf(ctx), ctx.statusCode(), Duration.ofNanos((long) (ms * 1_000_000))));
            config.routes.get("/health/live", ctx -> write(ctx, health.live()));
            config.routes.get("/health/ready", ctx -> write(ctx, health.ready()));
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(registry.scrape()));
        }).start(settings.port());
        return new QueryServer(app, streamsMetrics, gcMetrics);
    }

    /** The port actually bound. */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
        streamsMetrics.close();
        gcMetrics.close();
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

    static Map<String, String> none() {
        return Map.of();
    }
}
