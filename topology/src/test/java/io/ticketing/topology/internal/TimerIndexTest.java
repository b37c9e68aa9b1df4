package io.ticketing.topology.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
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

    @Test
    void takesOnlyWhatIsDueEarliestFirstAndOnce() {
        TimerIndex timers = new TimerIndex(store("timers"));
        timers.schedule("expiry", "r2", 200);
        timers.schedule("expiry", "r1", 100);
        timers.schedule("expiry", "r3", 300);

        assertThat(timers.takeDue(250, 10)).containsExactly(
                new TimerIndex.Due("expiry", "r1", 100), new TimerIndex.Due("expiry", "r2", 200));
        assertThat(timers.takeDue(250, 10)).isEmpty();
        assertThat(timers.takeDue(300, 10)).containsExactly(new TimerIndex.Due("expiry", "r3", 300));
    }

    /** A task that starts again holds only the timers its entities call for, nothing left from before. */
    @Test
    void rebuildSchedulesFromTheEntitiesAndDropsWhatWasThere() {
        KeyValueStore<String, String> entities = store("entities");
        entities.put("r1", "active:100");
        entities.put("r2", "ticketed");
        entities.put("r3", "active:300");
        TimerIndex timers = new TimerIndex(store("timers"));
        timers.schedule("expiry", "gone", 50);

        timers.rebuild(entities, (id, state) -> {
            if (state.startsWith("active:")) {
                timers.schedule("expiry", id, Long.parseLong(state.substring("active:".length())));
            }
        });

        assertThat(timers.takeDue(Long.MAX_VALUE - 1, 10)).containsExactly(
                new TimerIndex.Due("expiry", "r1", 100), new TimerIndex.Due("expiry", "r3", 300));
    }

    private static KeyValueStore<String, String> store(String name) {
        KeyValueStore<String, String> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
                Serdes.String(), Serdes.String()).withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        return store;
    }
}
