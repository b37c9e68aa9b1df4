package io.ticketing.query;

import io.ticketing.topology.ViewListener;
import io.ticketing.topology.view.SeatView;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * The seat changes decided on this instance, for whoever watches a show here (the live seat map's
 * streams). Handed to the topology as part of its {@link ViewListener}.
 *
 * <p>The listener runs on a stream thread, so a change is handed to a small pool of its own and the
 * watchers are told there. When that pool's queue is full the change is dropped for the watchers:
 * a live map is a picture, and the console reloads the show's seats whenever its stream reconnects.
 */
public final class SeatChanges implements ViewListener, AutoCloseable {

    static final int QUEUE = 10_000;

    private final ConcurrentMap<String, Set<Consumer<SeatView>>> watchers = new ConcurrentHashMap<>();
    private final QueryPool feed = QueryPool.create("seat-feed", 1, QUEUE, QueryPool.refuse());

    /** Tells {@code onChange} of every seat of {@code eventId} decided here, until the returned handle is closed. */
    public AutoCloseable watch(String eventId, Consumer<SeatView> onChange) {
        watchers.compute(eventId, (k, set) -> {
            Set<Consumer<SeatView>> each = set == null ? ConcurrentHashMap.newKeySet() : set;
            each.add(onChange);
            return each;
        });
        return () -> watchers.computeIfPresent(eventId, (k, set) -> {
            set.remove(onChange);
            return set.isEmpty() ? null : set;
        });
    }

    /** Shows watched here right now, with how many watchers each (a gauge, and for tests). */
    public int watching() {
        return watchers.values().stream().mapToInt(Set::size).sum();
    }

    @Override
    public void seatChanged(SeatView view) {
        Set<Consumer<SeatView>> each = watchers.get(view.eventId());
        if (each == null) {
            return;
        }
        try {
            feed.execute(() -> each.forEach(watcher -> watcher.accept(view)));
        } catch (RejectedExecutionException full) {
            // Dropped for the watchers only; the seat itself is decided and stored.
        }
    }

    @Override
    public void close() {
        feed.close();
    }
}
