package io.ticketing.topology.internal;

import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * Counters registered with Kafka Streams' own metrics (group {@code stream-ticketing-metrics}, tag
 * {@code ticketing-id} = the entity, e.g. the input topic), so they show up in
 * {@code KafkaStreams#metrics()} and in Micrometer's {@code KafkaStreamsMetrics} binder as
 * {@code <operation>-total} and {@code <operation>-rate}.
 */
public final class Sensors {

    public static final String SCOPE = "ticketing";
    public static final String APPLIED = "records-applied";
    public static final String DEAD_LETTERED = "records-dead-lettered";
    public static final String ORPHANS_DROPPED = "orphans-dropped";
    public static final String ORPHANS_REFUNDED = "orphans-refunded";

    private Sensors() {
    }

    public static Sensor counter(ProcessorContext<?, ?> context, String entity, String operation) {
        return context.metrics().addRateTotalSensor(SCOPE, entity, operation, Sensor.RecordingLevel.INFO);
    }
}
