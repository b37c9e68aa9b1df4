package io.ticketing.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * A consumer group's committed offsets against the end offsets of the partitions it commits (inputs
 * and repartition topics of a Streams app): the lag both {@link GroupLag} (the chaos run's drain
 * check) and {@link LagWatcher} (the throughput clock) look at. The Admin calls are two thin
 * wrappers; the arithmetic is plain functions of the two maps.
 */
final class GroupOffsets {

    /**
     * How far a partition may stay behind its end and still count as caught up: under exactly-once
     * a commit marker sits after the last record.
     */
    static final long COMMIT_MARKER = 1;

    private GroupOffsets() {
    }

    /** The group's committed offset per partition, as the broker lists them (a value may be null). */
    static Map<TopicPartition, OffsetAndMetadata> committed(Admin admin, String group)
            throws InterruptedException, ExecutionException {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    }

    /** The end (latest) offset of each partition. */
    static Map<TopicPartition, Long> endOffsets(Admin admin, Collection<TopicPartition> partitions)
            throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    /**
     * Per committed partition, its end offset minus its committed offset, never below 0; a partition
     * listed without a committed offset counts from 0.
     */
    static Map<TopicPartition, Long> lag(Map<TopicPartition, OffsetAndMetadata> committed,
            Map<TopicPartition, Long> ends) {
        Map<TopicPartition, Long> lag = new HashMap<>();
        committed.forEach((tp, offset) -> {
            Long end = ends.get(tp);
            if (end == null) {
                throw new IllegalArgumentException("no end offset for " + tp);
            }
            lag.put(tp, Math.max(0, end - (offset == null ? 0 : offset.offset())));
        });
        return lag;
    }

    /** The lag summed per topic, topics in name order. */
    static Map<String, Long> perTopic(Map<TopicPartition, Long> lag) {
        Map<String, Long> topics = new TreeMap<>();
        lag.forEach((tp, n) -> topics.merge(tp.topic(), n, Long::sum));
        return topics;
    }

    static long total(Map<TopicPartition, Long> lag) {
        return lag.values().stream().mapToLong(Long::longValue).sum();
    }

    /** True when no partition is more than {@code slack} offsets behind its end. */
    static boolean allWithin(Map<TopicPartition, Long> lag, long slack) {
        return lag.values().stream().allMatch(n -> n <= slack);
    }
}
