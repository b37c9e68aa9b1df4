package io.ticketing.app.check;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * {@code LatencyProbe BOOTSTRAP TOPIC SECONDS WARMUP_SECONDS}: latency from a payment's append to its
 * ticket being readable, read_committed. Kafka Streams gives an output record its input's
 * timestamp, and the simulator's producer stamps each record as it sends it, so for a ticket
 * {@code arrival time - record timestamp} is "payment-succeeded sent and appended → ticket-issued
 * committed and fetched" on one machine's clock (the same loopback host: no clock skew). Prints
 * {@code LATENCY_MS n p50 p99 p999 max}.
 */
public final class LatencyProbe {

    private LatencyProbe() {
    }

    public static void main(String[] args) {
        long end = System.currentTimeMillis() + Long.parseLong(args[2]) * 1000;
        long warmupEnd = System.currentTimeMillis() + Long.parseLong(args[3]) * 1000;
        long[] samples = new long[1 << 16];
        int n = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", args[0], "isolation.level", "read_committed", "group.id",
                "latency-probe-" + System.nanoTime(), "auto.offset.reset", "latest", "fetch.max.wait.ms", "10"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(args[1]));
            while (System.currentTimeMillis() < end) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.currentTimeMillis();
                    if (now < warmupEnd) {
                        continue;
                    }
                    if (n == samples.length) {
                        samples = Arrays.copyOf(samples, n * 2);
                    }
                    samples[n++] = now - r.timestamp();
                }
            }
        }
        long[] sorted = Arrays.copyOf(samples, n);
        Arrays.sort(sorted);
        System.out.printf("LATENCY_MS %d %d %d %d %d%n", n, at(sorted, 0.50), at(sorted, 0.99), at(sorted, 0.999),
                n == 0 ? -1 : sorted[n - 1]);
    }

    private static long at(long[] sorted, double q) {
        return sorted.length == 0 ? -1 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
    }
}
