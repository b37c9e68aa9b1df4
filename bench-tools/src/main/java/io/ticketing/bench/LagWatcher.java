package io.ticketing.bench;

import io.ticketing.topology.TopicNames;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code LagWatcher BOOTSTRAP GROUP INPUT_RECORDS TIMEOUT_S INPUT_PARTITIONS [WARMUP_S]}: how fast a Streams
 * app works off a backlog. Polls the group's committed offsets on every topic it reads (the four input topics, and
 * its repartition and view topics) each 500 ms. The clock starts when the first input offset is committed (so JVM start and
 * the first rebalance are not counted) and stops when every partition is within one offset of its
 * end (under exactly-once a commit marker sits after the last record). Prints
 * {@code THROUGHPUT <records/s> <seconds>} for the input records.
 *
 * <p>With WARMUP_S, the clock starts that many seconds after the first commit instead, and counts the
 * input records not yet consumed then: the rate the app sustains once the JVM has compiled its hot
 * code (on 2 cores the JIT compiler alone took a third of the app's CPU in the first minute). The
 * backlog must outlast the warm-up; if it does not, it prints {@code THROUGHPUT too-short} and fails.
 */
public final class LagWatcher {

    private static final List<String> INPUTS = TopicNames.defaults().inputs();

    private LagWatcher() {
    }

    public static void main(String[] args) throws Exception {
        Usage.require(args, 5, LagWatcher.class, "BOOTSTRAP GROUP INPUT_RECORDS TIMEOUT_S INPUT_PARTITIONS [WARMUP_S]");
        String group = args[1];
        long inputRecords = Long.parseLong(args[2]);
        int expectedPartitions = Integer.parseInt(args[4]);
        long warmupMillis = args.length > 5 ? Long.parseLong(args[5]) * 1000 : 0;
        long deadline = System.currentTimeMillis() + Long.parseLong(args[3]) * 1000;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", args[0]))) {
            long firstCommitAt = 0;
            long startedAt = 0;
            long consumedAtStart = 0;
            while (System.currentTimeMillis() < deadline) {
                Map<TopicPartition, OffsetAndMetadata> committed = GroupOffsets.committed(admin, group);
                committed.values().removeIf(v -> v == null);
                long now = System.currentTimeMillis();
                long inputPartitions = committed.keySet().stream().filter(p -> INPUTS.contains(p.topic())).count();
                if (!committed.isEmpty()) {
                    long consumedInputs = committed.entrySet().stream()
                            .filter(e -> INPUTS.contains(e.getKey().topic()))
                            .mapToLong(e -> e.getValue().offset()).sum();
                    if (firstCommitAt == 0) {
                        firstCommitAt = now;
                    }
                    if (startedAt == 0 && now >= firstCommitAt + warmupMillis) {
                        startedAt = now;
                        consumedAtStart = consumedInputs;
                    }
                    if (inputPartitions >= expectedPartitions && caughtUp(admin, committed)) {
                        if (startedAt == 0 || (warmupMillis > 0 && consumedAtStart >= inputRecords)) {
                            System.out.println("THROUGHPUT too-short (the backlog was worked off within the warm-up)");
                            System.exit(1);
                        }
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
