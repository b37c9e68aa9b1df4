package io.ticketing.query;

import io.ticketing.topology.internal.Sensors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * {@link InstanceOps} from the streams client's metadata and its client metrics (the same numbers
 * {@code /metrics} exports): the main consumer's fetch rate and lag, the producers' send rate, and
 * the decoder's dead-letter counters.
 */
final class StreamsInstanceOps implements InstanceOps {

    private static final String FETCH_GROUP = "consumer-fetch-manager-metrics";
    private static final String PRODUCER_GROUP = "producer-metrics";
    private static final String TICKETING_GROUP = "stream-" + Sensors.SCOPE + "-metrics";

    private final KafkaStreams streams;
    private final HostInfo self;

    StreamsInstanceOps(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    @Override
    public Snapshot snapshot() {
        List<String> active = new ArrayList<>();
        List<String> standby = new ArrayList<>();
        try {
            for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
                thread.activeTasks().forEach(task -> active.add(name(task)));
                thread.standbyTasks().forEach(task -> standby.add(name(task)));
            }
        } catch (RuntimeException notRunning) {
            // Starting or stopping: no tasks to show.
        }
        active.sort(null);
        standby.sort(null);
        double in = 0;
        double out = 0;
        long lag = 0;
        Map<String, Long> deadLettered = new TreeMap<>();
        for (Map.Entry<MetricName, ? extends Metric> entry : streams.metrics().entrySet()) {
            MetricName name = entry.getKey();
            String clientId = name.tags().getOrDefault("client-id", "");
            if (FETCH_GROUP.equals(name.group()) && isMainConsumer(clientId)) {
                if ("records-consumed-rate".equals(name.name()) && !name.tags().containsKey("topic")) {
                    in += number(entry.getValue());
                } else if ("records-lag".equals(name.name()) && name.tags().containsKey("partition")) {
                    lag += (long) Math.max(0, number(entry.getValue()));
                }
            } else if (PRODUCER_GROUP.equals(name.group()) && "record-send-rate".equals(name.name())) {
                out += number(entry.getValue());
            } else if (TICKETING_GROUP.equals(name.group())
                    && (Sensors.DEAD_LETTERED + "-total").equals(name.name())) {
                String topic = name.tags().getOrDefault(Sensors.SCOPE + "-id", "?");
                deadLettered.merge(topic, (long) number(entry.getValue()), Long::sum);
            }
        }
        return new Snapshot(self.host() + ":" + self.port(), streams.state().name(), active, standby, in, out,
                lag, deadLettered);
    }

    /** The stream threads' main consumers, not the restore or global consumers. */
    private static boolean isMainConsumer(String clientId) {
        return clientId.endsWith("-consumer") && !clientId.endsWith("-restore-consumer")
                && !clientId.endsWith("-global-consumer");
    }

    private static String name(TaskMetadata task) {
        return task.taskId().toString();
    }

    private static double number(Metric metric) {
        Object value = metric.metricValue();
        return value instanceof Number n && !Double.isNaN(n.doubleValue()) && !Double.isInfinite(n.doubleValue())
                ? n.doubleValue() : 0;
    }
}
