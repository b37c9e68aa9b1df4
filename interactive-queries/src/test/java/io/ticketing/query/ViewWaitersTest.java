package io.ticketing.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.ticketing.topology.view.OrderStatus;
import io.ticketing.topology.view.OrderView;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ViewWaitersTest {

    private final ViewWaiters waiters = new ViewWaiters(3);

    @Test
    void whatWaitsOnAWaiterNeverRunsOnTheListenersThread() {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        CompletableFuture<OrderView> future = waiters.awaitOrder("ord-1", v -> v.status() == OrderStatus.CONFIRMED);
        CompletableFuture<Void> chained = future.thenAccept(v -> ranOn.set(Thread.currentThread()));

        waiters.orderChanged(Views.order("ord-1", OrderStatus.CONFIRMED));

        await().atMost(Duration.ofSeconds(5)).until(chained::isDone);
        assertThat(ranOn.get()).isNotEqualTo(Thread.currentThread());
        assertThat(future.join().status()).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void onlyAMatchingViewOfTheSameKeyCompletesAWaiter() {
        CompletableFuture<OrderView> future = waiters.awaitOrder("ord-1", v -> v.status() == OrderStatus.CONFIRMED);

        waiters.orderChanged(Views.order("ord-2", OrderStatus.CONFIRMED));
        waiters.orderChanged(Views.order("ord-1", OrderStatus.PENDING));

        assertThat(future).isNotDone();
        assertThat(waiters.waiting()).isEqualTo(1);
    }

    @Test
    void aTimedOutOrCancelledWaiterFreesItsSlot() {
        waiters.awaitOrder("ord-1", v -> false).orTimeout(10, TimeUnit.MILLISECONDS);
        waiters.awaitOrder("ord-2", v -> false).cancel(false);

        await().atMost(Duration.ofSeconds(5)).until(() -> waiters.waiting() == 0);
    }

    @Test
    void theBoundIsEnforced() {
        for (int i = 0; i < 3; i++) {
            waiters.awaitOrder("ord-" + i, v -> true);
        }
        assertThatThrownBy(() -> waiters.awaitOrder("ord-x", v -> true))
                .isInstanceOf(ViewWaiters.TooManyWaitersException.class);
        assertThat(waiters.waiting()).isEqualTo(3);
    }
}
