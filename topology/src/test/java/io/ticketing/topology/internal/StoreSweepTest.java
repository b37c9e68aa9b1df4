package io.ticketing.topology.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StoreSweepTest {

    private final KeyValueStore<String, String> store = Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore("sweep-test"), Serdes.String(), Serdes.String())
            .withLoggingDisabled().build();

    StoreSweepTest() {
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void fill(int n) {
        for (int i = 0; i < n; i++) {
            store.put(String.format("k%04d", i), "v" + i);
        }
    }

    private List<String> slice(StoreSweep<String> sweep) {
        List<String> seen = new ArrayList<>();
        sweep.next((key, value) -> seen.add(key));
        return seen;
    }

    @Test
    void visitsEveryEntryOncePerCycleInSlicesThenStartsOver() {
        fill(250);
        StoreSweep<String> sweep = new StoreSweep<>(store);

        List<String> first = slice(sweep);
        List<String> second = slice(sweep);
        List<String> third = slice(sweep);
        List<String> again = slice(sweep);

        assertThat(first).hasSize(StoreSweep.MIN_SLICE).startsWith("k0000").endsWith("k0099");
        assertThat(second).hasSize(StoreSweep.MIN_SLICE).startsWith("k0100").endsWith("k0199");
        assertThat(third).hasSize(50).startsWith("k0200").endsWith("k0249");
        assertThat(again).startsWith("k0000");
    }

    @Test
    void theVisitorMayDeleteWhatItIsShownAndTheNextSliceGoesOn() {
        fill(150);
        StoreSweep<String> sweep = new StoreSweep<>(store);

        sweep.next((key, value) -> store.delete(key));
        List<String> rest = slice(sweep);

        assertThat(store.approximateNumEntries()).isEqualTo(50);
        assertThat(rest).hasSize(50).startsWith("k0100").endsWith("k0149");
    }

    @Test
    void aNewEntryBeforeTheCursorIsSeenInTheNextCycle() {
        fill(150);
        StoreSweep<String> sweep = new StoreSweep<>(store);
        slice(sweep);
        store.put("a-first", "new");

        assertThat(slice(sweep)).doesNotContain("a-first");
        assertThat(slice(sweep)).startsWith("a-first");
    }
}
