package io.ticketing.query;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The HTTP layer's own meters: request latency per route template (a histogram, so percentiles can be
 * aggregated across instances) and how each key lookup was served.
 */
final class QueryMetrics {

    /** How a key lookup was answered. */
    enum Served {
        LOCAL, FORWARDED, STALE, UNAVAILABLE;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final MeterRegistry registry;
    private final ConcurrentMap<Served, Counter> lookups = new ConcurrentHashMap<>();

    QueryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void request(String method, String route, int status, Duration elapsed) {
        Timer.builder("ticketing.http.requests")
                .description("HTTP request latency by route template")
                .tag("method", method)
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .publishPercentileHistogram()
                .register(registry)
                .record(elapsed);
    }

    void lookup(Served served) {
        lookups.computeIfAbsent(served, s -> Counter.builder("ticketing.query.lookups")
                .description("Key lookups by where they were answered")
                .tag("served", s.tag())
                .register(registry)).increment();
    }
}
