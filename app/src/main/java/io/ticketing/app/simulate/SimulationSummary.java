package io.ticketing.app.simulate;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/** What a simulator run sent, as acknowledged by the broker. */
public record SimulationSummary(Map<String, Long> sentPerTopic, Map<String, Long> poisonPerKind, long failedSends,
                                Duration elapsed, long seed) {

    public long sent() {
        return sentPerTopic.values().stream().mapToLong(Long::longValue).sum();
    }

    public long poison() {
        return poisonPerKind.values().stream().mapToLong(Long::longValue).sum();
    }

    public String describe() {
        StringBuilder text = new StringBuilder();
        double seconds = Math.max(0.001, elapsed.toMillis() / 1000.0);
        text.append(String.format("simulator: sent %d records in %.1f s (%.0f/s), seed %d%n",
                sent(), seconds, sent() / seconds, seed));
        new TreeMap<>(sentPerTopic).forEach((topic, n) -> text.append(String.format("  %-22s %d%n", topic, n)));
        text.append(String.format("  poison records         %d %s%n", poison(), new TreeMap<>(poisonPerKind)));
        if (failedSends > 0) {
            text.append(String.format("  FAILED sends           %d (see the log)%n", failedSends));
        }
        return text.toString();
    }
}
