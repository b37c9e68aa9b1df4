package io.ticketing.topology.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class TimerIndexTest {

    @Test
    void paddedTimesSortLikeTheNumbers() {
        List<Long> times = List.of(0L, 9L, 10L, 999L, 1_700_000_000_000L, Long.MAX_VALUE);
        for (long t : times) {
            assertThat(TimerIndex.pad(t)).hasSize(19).isEqualTo(String.format("%019d", t));
        }
        assertThat(LongStream.of(10, 9, 1_000, 0).mapToObj(TimerIndex::pad).sorted())
                .containsExactly(TimerIndex.pad(0), TimerIndex.pad(9), TimerIndex.pad(10), TimerIndex.pad(1_000));
    }
}
