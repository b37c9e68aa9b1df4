package io.ticketing.topology.internal;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Due-time index over a key-value store, so that a punctuator reads only what is due, never every
 * reservation (CONTRACT §4).
 *
 * <p>Entries are {@code <19-digit zero-padded epoch millis>|<kind>|<id>} → a tag; they sort by time,
 * and {@code range(0, now + 1)} returns exactly the due ones.
 *
 * <p>Timers are <em>hints</em>: scheduling one is a single put, and nothing is ever cancelled or
 * replaced. A (kind, id) may therefore have several timers, and a timer may fire for a state that has
 * moved on since; every handler re-checks the entity it names and acts only when the timer still
 * applies (the entity's own fields, or the {@link Due#tag()} it was scheduled with, say so). This
 * costs one changelog write to set a timer and one to take it, where a replaceable timer (with a
 * back-reference entry per (kind, id)) cost two to set, two to cancel and two to take, on every
 * reservation (docs/benchmarks.md §1, write amplification).
 *
 * <p>Stores written by earlier versions may still hold back-reference entries ({@code @<kind>|<id>});
 * '@' sorts after every digit, so they never fall inside a due range and are never read.
 */
public final class TimerIndex {

    private static final String SEP = "|";

    private final KeyValueStore<String, String> store;

    public TimerIndex(KeyValueStore<String, String> store) {
        this.store = store;
    }

    /**
     * @param tag what the scheduler wants to recognise when the timer fires (e.g. the version of the
     *            entity it was set for); {@code ""} when the entity's own fields are enough
     */
    public record Due(String kind, String id, long at, String tag) {

        /**
         * Whether this timer was set for {@code version} of its entity. A timer without a tag was set
         * before tags existed, when timers were replaced rather than added: it is the current one.
         */
        public boolean isFor(String version) {
            return tag.isEmpty() || tag.equals(version);
        }
    }

    /** Adds a timer of {@code kind} for {@code id} at {@code atMillis}; earlier ones for it stay and fire too. */
    public void schedule(String kind, String id, long atMillis) {
        schedule(kind, id, atMillis, "");
    }

    public void schedule(String kind, String id, long atMillis, String tag) {
        store.put(pad(Math.max(0, atMillis)) + SEP + kind + SEP + id, tag);
    }

    /** Removes and returns up to {@code max} timers due at {@code nowMillis}, earliest first. */
    public List<Due> takeDue(long nowMillis, int max) {
        List<Due> due = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, String> it = store.range(pad(0), pad(nowMillis + 1))) {
            while (it.hasNext() && due.size() < max) {
                var entry = it.next();
                keys.add(entry.key);
                String key = entry.key;
                int first = key.indexOf(SEP);
                int second = key.indexOf(SEP, first + 1);
                String id = key.substring(second + 1);
                // Entries written before tags existed hold the id as their value: no tag.
                String tag = entry.value == null || entry.value.equals(id) ? "" : entry.value;
                due.add(new Due(key.substring(first + 1, second), id, Long.parseLong(key.substring(0, first)), tag));
            }
        }
        keys.forEach(store::delete);
        return due;
    }

    /** Zero-padded to 19 digits, so the keys sort by time. On the hot path: no String.format. */
    static String pad(long millis) {
        String digits = Long.toString(millis);
        return "0".repeat(19 - digits.length()) + digits;
    }
}
