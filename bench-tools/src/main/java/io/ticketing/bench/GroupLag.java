package io.ticketing.bench;

import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code GroupLag BOOTSTRAP GROUP}: prints the group's lag per topic it reads (inputs and
 * repartition topics) and its total, and exits 0 when the total is small enough to call the app
 * drained (at most one offset per partition: under exactly-once a commit marker sits after the last
 * record), else 1. The chaos run uses it to run the (slow) checker only once the app has caught up.
 */
public final class GroupLag {

    private GroupLag() {
    }

    public static void main(String[] args) throws Exception {
        Usage.require(args, 2, GroupLag.class, "BOOTSTRAP GROUP");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", args[0]))) {
            Map<TopicPartition, OffsetAndMetadata> committed = GroupOffsets.committed(admin, args[1]);
            Map<TopicPartition, Long> lag =
                    GroupOffsets.lag(committed, GroupOffsets.endOffsets(admin, committed.keySet()));
            long total = GroupOffsets.total(lag);
            System.out.println("lag " + total + " " + GroupOffsets.perTopic(lag));
            System.exit(!committed.isEmpty() && total <= committed.size() * GroupOffsets.COMMIT_MARKER ? 0 : 1);
        }
    }
}
