package io.ticketing.topology.model;

import io.ticketing.events.RefundRequested;
import io.ticketing.events.ReservationExpired;
import io.ticketing.events.TicketIssued;
import io.ticketing.topology.Metrics;
import io.ticketing.topology.TopologyHarness;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The topology under test, in the shared {@link TopologyHarness}, fed raw bytes the way upstream sends
 * them. One run may carry several histories one after another (their ids never overlap); outputs are
 * drained after every step.
 */
final class TopologyRun implements AutoCloseable {

    private final TopologyHarness harness;

    /** @param guarantee {@code exactly_once_v2} (the default) or {@code at_least_once} (allowed by config, §5) */
    TopologyRun(String guarantee) {
        Properties overrides = new Properties();
        overrides.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
        harness = new TopologyHarness(ModelSettings.config(), ModelSettings.START, overrides);
    }

    Instant now() {
        return harness.now();
    }

    void run(Step step) {
        if (step instanceof Step.Advance advance) {
            harness.advance(advance.by());
        } else {
            Step.Input in = (Step.Input) step;
            harness.pipeRaw(in.topic(), in.key(), in.value(), new RecordHeaders(),
                    harness.now().plusMillis(in.timestampSkewMs()));
        }
    }

    List<TestRecord<String, TicketIssued>> ticketsIssued() {
        return harness.ticketsIssued();
    }

    List<TestRecord<String, RefundRequested>> refundsRequested() {
        return harness.refundsRequested();
    }

    List<TestRecord<String, ReservationExpired>> reservationsExpired() {
        return harness.reservationsExpired();
    }

    List<TestRecord<byte[], byte[]>> deadLetters() {
        return harness.deadLetters();
    }

    /** The value a view store holds for {@code key}; null when absent. */
    <T> T view(String store, String key, Class<T> type) {
        return type.cast(harness.store(store).get(key));
    }

    TopologyHarness harness() {
        return harness;
    }

    /** A show's summary: {@code section|status} → count, zero counts left out. */
    Map<String, Long> summary(String eventId) {
        return harness.summary(eventId);
    }

    /** The topology's own counter {@code <name>-total} for one input topic (CONTRACT §5 I4: counted). */
    double counter(String name, String topic) {
        return Metrics.total(harness, name + "-total", topic);
    }

    @Override
    public void close() {
        harness.close();
    }
}
