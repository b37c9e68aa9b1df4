package io.ticketing.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * {@code LatencyProbe BOOTSTRAP TOPIC[,TOPIC…] SECONDS WARMUP_SECONDS}: latency from a payment's append
 * to its ticket being readable, read_committed. Kafka Streams gives an output record its input's
 * timestamp, and the simulator's producer stamps each record as it sends it, so for a ticket
 * {@code arrival time - record timestamp} is "payment-succeeded sent and appended → ticket-issued
 * committed and fetched" on one machine's clock (the same loopback host: no clock skew). Prints
 * {@code LATENCY_MS n p50 p99 p999 max} for the first topic.
 *
 * <p>Further topics (the app's repartition topics, which carry the same timestamps) are read by the
 * same consumer and printed as {@code HOP_MS topic n p50 p99 p999 max}: input appended → that hop
 * readable, for every record of the hop. One process for all of them, so that decomposing the
 * pipeline does not add a probe's CPU per hop to the machine being measured.
 */
public final class LatencyProbe {

    private LatencyProbe() {
    }

    public static void main(String[] args) {
        Usage.require(args, 4, LatencyProbe.class, "BOOTSTRAP TOPIC[,TOPIC...] SECONDS WARMUP_SECONDS");
        List<String> topics = List.of(args[1].split(","));
        long end = System.currentTimeMillis() + Long.parseLong(args[2]) * 1000;
        long warmupEnd = System.currentTimeMillis() + Long.parseLong(args[3]) * 1000;
        Map<String, Samples> byTopic = new LinkedHashMap<>();
        topics.forEach(topic -> byTopic.put(topic, new Samples()));
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", args[0], "isolation.level", "read_committed", "group.id",
                "latency-probe-" + System.nanoTime(), "auto.offset.reset", "latest", "fetch.max.wait.ms", "10"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(topics);
            while (System.currentTimeMillis() < end) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.currentTimeMillis();
                    if (now >= warmupEnd) {
                        byTopic.get(r.topic()).add(now - r.timestamp());
                    }
                }
            }
        }
        byTopic.forEach((topic, samples) -> System.out.println(
                (topic.equals(topics.get(0)) ? "LATENCY_MS " : "HOP_MS " + topic + " ") + samples.percentiles()));
    }

    /** Latencies of one topic, in milliseconds. */
    private static final class Samples {
        private long[] values = new long[1 << 16];
        private int n;

        void add(long millis) {
            if (n == values.length) {
                values = Arrays.copyOf(values, n * 2);
            }
            values[n++] = millis;
        }

        /** {@code n p50 p99 p999 max}. */
        String percentiles() {
            long[] sorted = Arrays.copyOf(values, n);
            Arrays.sort(sorted);
            return String.format("%d %d %d %d %d", n, at(sorted, 0.50), at(sorted, 0.99), at(sorted, 0.999),
                    n == 0 ? -1 : sorted[n - 1]);
        }

        private static long at(long[] sorted, double q) {
            return sorted.length == 0 ? -1 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
        }
    }
}
