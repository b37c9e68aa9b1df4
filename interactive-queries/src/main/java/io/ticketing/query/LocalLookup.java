package io.ticketing.query;

import io.ticketing.topology.StoreNames;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Answers a key from this instance's own stores, waiting for a transition when asked to. Never
 * forwards: this is what the owner runs for a forwarded request.
 */
final class LocalLookup {

    private final LocalStores stores;
    private final ViewWaiters waiters;
    private final Executor workers;

    LocalLookup(LocalStores stores, ViewWaiters waiters, Executor workers) {
        this.stores = stores;
        this.waiters = waiters;
        this.workers = workers;
    }

    CompletableFuture<Lookup> lookup(String store, String key, int partition, Optional<WaitFor> wait) {
        LocalRead now = stores.read(store, key, partition);
        // A stale replica is never told about transitions (the listener runs where the task is
        // active), so waiting on it would only ever time out: answer what it has.
        if (wait.isEmpty() || now.outcome() == LocalRead.Outcome.UNAVAILABLE || now.stale()) {
            return CompletableFuture.completedFuture(Lookup.of(now));
        }
        WaitFor waitFor = wait.get();
        if (now.outcome() == LocalRead.Outcome.FOUND && waitFor.doneBy(now.value())) {
            return CompletableFuture.completedFuture(Lookup.of(now).waited(Lookup.Wait.REACHED));
        }
        CompletableFuture<Object> transition = register(waitFor, key);
        // The transition may have been applied between the first read and the registration.
        LocalRead again = stores.read(store, key, partition);
        if (again.outcome() == LocalRead.Outcome.FOUND && !again.stale() && waitFor.doneBy(again.value())) {
            transition.cancel(false);
            return CompletableFuture.completedFuture(Lookup.of(again).waited(Lookup.Wait.REACHED));
        }
        return transition
                .orTimeout(waitFor.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .handleAsync((view, timedOut) -> {
                    if (view != null) {
                        return Lookup.of(LocalRead.found(view)).waited(Lookup.Wait.REACHED);
                    }
                    return Lookup.of(stores.read(store, key, partition)).waited(Lookup.Wait.TIMED_OUT);
                }, workers);
    }

    private CompletableFuture<Object> register(WaitFor waitFor, String key) {
        CompletableFuture<?> future = StoreNames.RESERVATIONS.equals(waitFor.store())
                ? waiters.awaitReservation(key, waitFor.reservationDone())
                : waiters.awaitOrder(key, waitFor.orderDone());
        @SuppressWarnings("unchecked")
        CompletableFuture<Object> any = (CompletableFuture<Object>) future;
        return any;
    }
}
