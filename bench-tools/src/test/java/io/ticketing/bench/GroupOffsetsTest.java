package io.ticketing.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The lag arithmetic GroupLag and LagWatcher share, on hand-made offsets (no broker). */
class GroupOffsetsTest {

    private static final TopicPartition IN_0 = new TopicPartition("payment-succeeded", 0);
    private static final TopicPartition IN_1 = new TopicPartition("payment-succeeded", 1);
    private static final TopicPartition REPART_0 = new TopicPartition("app-orders-repartition", 0);

    @Test
    void lagIsEndMinusCommittedPerPartitionNeverNegativeAndFromZeroWithoutAnOffset() {
        Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
        committed.put(IN_0, new OffsetAndMetadata(90));
        committed.put(IN_1, new OffsetAndMetadata(12)); // past the end the broker listed a moment earlier
        committed.put(REPART_0, null);                  // listed without a committed offset

        Map<TopicPartition, Long> lag = GroupOffsets.lag(committed, Map.of(IN_0, 100L, IN_1, 10L, REPART_0, 7L));

        assertThat(lag).containsOnly(Map.entry(IN_0, 10L), Map.entry(IN_1, 0L), Map.entry(REPART_0, 7L));
        assertThat(GroupOffsets.total(lag)).isEqualTo(17);
        // GroupLag prints this map: summed per topic, topics in name order.
        assertThat(GroupOffsets.perTopic(lag)).hasToString("{app-orders-repartition=7, payment-succeeded=10}");
    }

    @Test
    void onlyCommittedPartitionsCountAndAMissingEndOffsetIsAnError() {
        Map<TopicPartition, OffsetAndMetadata> committed = Map.of(IN_0, new OffsetAndMetadata(5));

        assertThat(GroupOffsets.lag(committed, Map.of(IN_0, 5L, IN_1, 1000L))).containsOnly(Map.entry(IN_0, 0L));
        assertThat(GroupOffsets.lag(Map.of(), Map.of(IN_0, 5L))).isEmpty();
        assertThatThrownBy(() -> GroupOffsets.lag(committed, Map.of(IN_1, 5L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("payment-succeeded-0");
    }

    @Test
    void caughtUpAllowsOneCommitMarkerPerPartitionNotTwo() {
        assertThat(GroupOffsets.allWithin(Map.of(IN_0, 1L, IN_1, 0L, REPART_0, 1L), GroupOffsets.COMMIT_MARKER)).isTrue();
        assertThat(GroupOffsets.allWithin(Map.of(IN_0, 1L, IN_1, 2L), GroupOffsets.COMMIT_MARKER)).isFalse();
        assertThat(GroupOffsets.allWithin(Map.of(), GroupOffsets.COMMIT_MARKER)).isTrue();
    }
}
