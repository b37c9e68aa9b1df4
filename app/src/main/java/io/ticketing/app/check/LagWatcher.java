package io.ticketing.app.check;

import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code LagWatcher BOOTSTRAP GROUP INPUT_RECORDS TIMEOUT_S INPUT_PARTITIONS}: how fast a Streams app works off a
 * backlog. Polls the group's committed offsets on every topic it reads (inputs and repartition
 * topics) each 500 ms. The clock starts when the first input offset is committed (so JVM start and
 * the first rebalance are not counted) and stops when every partition is within one offset of its
 * end (under exactly-once a commit marker sits after the last record). Prints
 * {@code THROUGHPUT <records/s> <seconds>} for the input records.
 */
public final class LagWatcher {

    private LagWatcher() {
    }

    public static void main(String[] args) throws Exception {
        String group = args[1];
        long inputRecords = Long.parseLong(args[2]);
        int expectedPartitions = Integer.parseInt(args[4]);
        long deadline = System.currentTimeMillis() + Long.parseLong(args[3]) * 1000;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", args[0]))) {
            long startedAt = 0;
            long consumedAtStart = 0;
            while (System.currentTimeMillis() < deadline) {
                Map<TopicPartition, OffsetAndMetadata> committed = GroupOffsets.committed(admin, group);
                committed.values().removeIf(v -> v == null);
                long now = System.currentTimeMillis();
                long inputPartitions = committed.keySet().stream()
                        .filter(p -> !p.topic().contains("-repartition")).count();
                if (!committed.isEmpty()) {
                    long consumedInputs = committed.entrySet().stream()
                            .filter(e -> !e.getKey().topic().contains("-repartition"))
                            .mapToLong(e -> e.getValue().offset()).sum();
                    if (startedAt == 0) {
                        startedAt = now;
                        consumedAtStart = consumedInputs;
                    }
                    if (inputPartitions >= expectedPartitions && caughtUp(admin, committed)) {
                        double seconds = (now - startedAt) / 1000.0;
                        long records = inputRecords - Math.min(consumedAtStart, inputRecords);
                        System.out.printf("THROUGHPUT %.0f %.1f%n", records / Math.max(seconds, 0.5), seconds);
                        return;
                    }
                }
                Thread.sleep(500);
            }
            System.out.println("THROUGHPUT timeout");
            System.exit(1);
        }
    }

    private static boolean caughtUp(Admin admin, Map<TopicPartition, OffsetAndMetadata> committed) throws Exception {
        Map<TopicPartition, Long> ends = GroupOffsets.endOffsets(admin, committed.keySet());
        return GroupOffsets.allWithin(GroupOffsets.lag(committed, ends), GroupOffsets.COMMIT_MARKER);
    }
}
