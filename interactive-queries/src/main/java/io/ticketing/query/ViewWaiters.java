package io.ticketing.query;

import io.ticketing.topology.ViewListener;
import io.ticketing.topology.view.OrderView;
import io.ticketing.topology.view.ReservationView;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Long-poll waiters for reservation and order transitions on this instance. Handed to the topology
 * as its {@link ViewListener} before the streams client is built, and to the {@link QueryServer}.
 *
 * <p>The listener runs on a stream thread, so it only tests each waiter's condition and completes
 * the waiter's future on a small pool of its own: whatever the HTTP side chained on it never runs on
 * the stream thread (nor on a thread started per completion, as the common pool does on small
 * machines, see {@link QueryPool}). The number of waiters is bounded; a waiter is removed as soon as its future is done
 * (reached, timed out or cancelled), so nothing accumulates.
 */
public final class ViewWaiters implements ViewListener {

    /** Enough for a busy checkout page per instance; beyond it callers are told to come back. */
    public static final int DEFAULT_MAX_WAITERS = 10_000;

    /** Thrown when the bound is reached; the HTTP layer answers 503 with Retry-After. */
    public static final class TooManyWaitersException extends RuntimeException {
        TooManyWaitersException(int max) {
            super("more than " + max + " long-polls are waiting on this instance");
        }
    }

    private record Waiter<V>(Predicate<V> until, CompletableFuture<V> future) {
        boolean offer(V view, Executor wakeups) {
            if (!future.isDone() && until.test(view)) {
                future.completeAsync(() -> view, wakeups);
                return true;
            }
            return false;
        }
    }

    private static final int WAKEUP_THREADS = 2;

    private final int maxWaiters;
    private final Executor wakeups;
    private final AtomicInteger waiting = new AtomicInteger();
    private final ConcurrentMap<String, Set<Waiter<ReservationView>>> reservations = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Set<Waiter<OrderView>>> orders = new ConcurrentHashMap<>();

    public ViewWaiters() {
        this(DEFAULT_MAX_WAITERS);
    }

    public ViewWaiters(int maxWaiters) {
        if (maxWaiters < 1) {
            throw new IllegalArgumentException("maxWaiters must be at least 1, was " + maxWaiters);
        }
        this.maxWaiters = maxWaiters;
        // Saturated (every waiter woken at once), the stream thread completes them itself rather than drop one.
        this.wakeups = QueryPool.create("query-waiter-wakeups", WAKEUP_THREADS, maxWaiters, QueryPool.callerRuns());
    }

    /** Completes with the first reservation view for {@code reservationId} that satisfies {@code until}. */
    public CompletableFuture<ReservationView> awaitReservation(String reservationId, Predicate<ReservationView> until) {
        return register(reservations, reservationId, until);
    }

    /** Completes with the first order view for {@code orderId} that satisfies {@code until}. */
    public CompletableFuture<OrderView> awaitOrder(String orderId, Predicate<OrderView> until) {
        return register(orders, orderId, until);
    }

    /** Waiters currently registered (a gauge). */
    public int waiting() {
        return waiting.get();
    }

    @Override
    public void reservationChanged(ReservationView view) {
        offer(reservations, view.reservationId(), view);
    }

    @Override
    public void orderChanged(OrderView view) {
        offer(orders, view.orderId(), view);
    }

    private <V> CompletableFuture<V> register(ConcurrentMap<String, Set<Waiter<V>>> byKey, String key, Predicate<V> until) {
        if (waiting.incrementAndGet() > maxWaiters) {
            waiting.decrementAndGet();
            throw new TooManyWaitersException(maxWaiters);
        }
        Waiter<V> waiter = new Waiter<>(until, new CompletableFuture<>());
        // Add and remove inside compute, atomically per key, so a set being dropped as empty never
        // swallows a waiter added at the same moment.
        byKey.compute(key, (k, set) -> {
            Set<Waiter<V>> waiters = set == null ? ConcurrentHashMap.newKeySet() : set;
            waiters.add(waiter);
            return waiters;
        });
        // Whatever ends the wait (reached, timeout, cancel) frees the slot.
        waiter.future().whenComplete((view, error) -> {
            waiting.decrementAndGet();
            byKey.computeIfPresent(key, (k, set) -> {
                set.remove(waiter);
                return set.isEmpty() ? null : set;
            });
        });
        return waiter.future();
    }

    private <V> void offer(ConcurrentMap<String, Set<Waiter<V>>> byKey, String key, V view) {
        Set<Waiter<V>> waiters = byKey.get(key);
        if (waiters != null) {
            for (Waiter<V> waiter : waiters) {
                waiter.offer(view, wakeups);
            }
        }
    }
}
