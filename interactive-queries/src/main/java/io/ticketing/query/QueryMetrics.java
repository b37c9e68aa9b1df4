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
    private final ConcurrentMap<RouteKey, Timer> timers = new ConcurrentHashMap<>();

    /** Route templates and statuses are few, so this map stays small. */
    private record RouteKey(String method, String route, int status) {
    }

    QueryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void request(String method, String route, int status, Duration elapsed) {
        // One timer per (method, route, status), built once: building and registering a meter per
        // request showed in the profile of the lookup routes.
        timers.computeIfAbsent(new RouteKey(method, route, status), key -> Timer.builder("ticketing.http.requests")
                        .description("HTTP request latency by route template")
                        .tag("method", key.method())
                        .tag("route", key.route())
                        .tag("status", Integer.toString(key.status()))
                        .publishPercentileHistogram()
                        .register(registry))
                .record(elapsed);
    }

    void lookup(Served served) {
        lookups.computeIfAbsent(served, s -> Counter.builder("ticketing.query.lookups")
                .description("Key lookups by where they were answered")
                .tag("served", s.tag())
                .register(registry)).increment();
    }
}
