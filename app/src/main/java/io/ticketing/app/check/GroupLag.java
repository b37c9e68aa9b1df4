package io.ticketing.app.check;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
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
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", args[0]))) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(args[1]).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            committed.keySet().forEach(tp -> ends.put(tp, OffsetSpec.latest()));
            var latest = admin.listOffsets(ends).all().get();
            Map<String, Long> lag = new TreeMap<>();
            committed.forEach((tp, offset) -> lag.merge(tp.topic(),
                    Math.max(0, latest.get(tp).offset() - (offset == null ? 0 : offset.offset())), Long::sum));
            long total = lag.values().stream().mapToLong(Long::longValue).sum();
            System.out.println("lag " + total + " " + lag);
            System.exit(!committed.isEmpty() && total <= committed.size() ? 0 : 1);
        }
    }
}
