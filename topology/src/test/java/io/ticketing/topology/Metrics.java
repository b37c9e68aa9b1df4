package io.ticketing.topology;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/** Reads the topology's own counters (group {@code stream-ticketing-metrics}) from a harness' driver. */
public final class Metrics {

    private Metrics() {
    }

    /** Sum of metric {@code name} over every thread/task for entity {@code entity} (an input topic, a processor). */
    public static double total(TopologyHarness h, String name, String entity) {
        double total = 0;
        for (var e : h.driver().metrics().entrySet()) {
            MetricName n = e.getKey();
            if (n.name().equals(name) && n.group().equals("stream-ticketing-metrics")
                    && entity.equals(n.tags().get("ticketing-id"))) {
                total += ((Number) ((Metric) e.getValue()).metricValue()).doubleValue();
            }
        }
        return total;
    }
}
