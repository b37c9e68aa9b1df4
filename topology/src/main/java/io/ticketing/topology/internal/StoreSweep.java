package io.ticketing.topology.internal;

import java.util.function.BiConsumer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Walks a store a slice at a time, picking up where the last slice ended and starting over at the end,
 * so that each entry is looked at once per cycle. Retention is enforced this way rather than with a
 * timer per entry: a timer costs a changelog write to set and another to take, on nearly every
 * reservation and order (docs/benchmarks.md §1), while a sweep only reads. A purge is therefore due
 * at its time and done within one cycle after it. A slice is sized for a cycle of about
 * {@link #CYCLE_TICKS} punctuations (an hour at the default 1 s), at least {@link #MIN_SLICE} entries
 * and at most {@link #MAX_SLICE}: a task holding a million entries reads ~280 a second, against a
 * retention of days, and a small store is swept whole at every punctuation.
 *
 * <p>The visitor may delete or replace the entry it is given (RocksDB iterators read a snapshot).
 * The position lives in memory only: a task that starts again starts at the beginning.
 */
final class StoreSweep<V> {

    static final long CYCLE_TICKS = 3_600;
    static final int MIN_SLICE = 100;
    static final int MAX_SLICE = 5_000;

    private final KeyValueStore<String, V> store;
    private String after;

    StoreSweep(KeyValueStore<String, V> store) {
        this.store = store;
    }

    /** Shows the next slice of entries to {@code visit}. */
    void next(BiConsumer<String, V> visit) {
        // RocksDB's estimate of its keys: cheap, and good enough to size a slice.
        int slice = (int) Math.max(MIN_SLICE, Math.min(MAX_SLICE, store.approximateNumEntries() / CYCLE_TICKS));
        String last = null;
        int seen = 0;
        try (KeyValueIterator<String, V> it = after == null ? store.all() : store.range(after, null)) {
            while (seen < slice && it.hasNext()) {
                KeyValue<String, V> entry = it.next();
                if (entry.key.equals(after)) {
                    continue; // the range starts at the last key of the previous slice, already seen
                }
                visit.accept(entry.key, entry.value);
                last = entry.key;
                seen++;
            }
            after = seen == slice && it.hasNext() ? last : null;
        }
    }
}
