package io.ticketing.topology.internal;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Due-time index over a key-value store, so that a punctuator reads only what is due, never every
 * reservation (CONTRACT §4).
 *
 * <p>Index entries are {@code <19-digit zero-padded epoch millis>|<kind>|<id>}; they sort by time,
 * and {@code range(0, now + 1)} returns exactly the due ones. Each (kind, id) has at most one timer:
 * a back-reference {@code @<kind>|<id>} → index key lets {@link #schedule} replace it. The '@'
 * sorts after every digit, so back-references never fall inside a due range.
 */
public final class TimerIndex {

    private static final String BACK_REF = "@";
    private static final String SEP = "|";

    private final KeyValueStore<String, String> store;

    public TimerIndex(KeyValueStore<String, String> store) {
        this.store = store;
    }

    public record Due(String kind, String id, long at) {
    }

    /** Sets the (only) timer of {@code kind} for {@code id} to {@code atMillis}, replacing an earlier one. */
    public void schedule(String kind, String id, long atMillis) {
        cancel(kind, id);
        String indexKey = pad(Math.max(0, atMillis)) + SEP + kind + SEP + id;
        store.put(indexKey, id);
        store.put(BACK_REF + kind + SEP + id, indexKey);
    }

    public void cancel(String kind, String id) {
        String backRef = BACK_REF + kind + SEP + id;
        String previous = store.get(backRef);
        if (previous != null) {
            store.delete(previous);
            store.delete(backRef);
        }
    }

    /** Removes and returns up to {@code max} timers due at {@code nowMillis}, earliest first. */
    public List<Due> takeDue(long nowMillis, int max) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, String> it = store.range(pad(0), pad(nowMillis + 1))) {
            while (it.hasNext() && keys.size() < max) {
                keys.add(it.next().key);
            }
        }
        List<Due> due = new ArrayList<>(keys.size());
        for (String key : keys) {
            int first = key.indexOf(SEP);
            int second = key.indexOf(SEP, first + 1);
            String kind = key.substring(first + 1, second);
            String id = key.substring(second + 1);
            store.delete(key);
            store.delete(BACK_REF + kind + SEP + id);
            due.add(new Due(kind, id, Long.parseLong(key.substring(0, first))));
        }
        return due;
    }

    /** Zero-padded to 19 digits, so the keys sort by time. On the hot path: no String.format. */
    static String pad(long millis) {
        String digits = Long.toString(millis);
        return "0".repeat(19 - digits.length()) + digits;
    }
}
