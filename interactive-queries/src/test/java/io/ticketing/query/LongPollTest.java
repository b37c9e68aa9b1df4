package io.ticketing.query;

import static io.ticketing.query.ProblemAnswersTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticketing.serdes.Json;
import io.ticketing.topology.StoreNames;
import io.ticketing.topology.view.OrderStatus;
import io.ticketing.topology.view.OrderView;
import io.ticketing.topology.view.ReservationStatus;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code ?waitFor=...&timeout=...}: returns on the transition, or at the timeout with the current state. */
class LongPollTest {

    private final TestInstance owner = new TestInstance(new ViewWaiters(2));
    private final TestInstance other = new TestInstance();

    @AfterEach
    void close() {
        owner.close();
        other.close();
    }

    @Test
    void returnsAsSoonAsTheOrderIsConfirmed() throws Exception {
        ownsOrders();
        owner.stores.put(StoreNames.ORDERS, "ord-1", Views.order("ord-1", OrderStatus.PENDING));

        CompletableFuture<HttpResponse<String>> poll = owner.getAsync("/orders/ord-1?waitFor=CONFIRMED&timeout=20s", false);
        await().atMost(Duration.ofSeconds(10)).until(() -> owner.waiters.waiting() == 1);
        assertThat(poll).isNotDone();
        confirm(owner, "ord-1");

        HttpResponse<String> response = poll.get();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Json.mapper().readTree(response.body()).get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(response.headers().firstValue(QueryHeaders.WAIT)).hasValue("reached");
        await().atMost(Duration.ofSeconds(5)).until(() -> owner.waiters.waiting() == 0);
    }

    @Test
    void aForwardedLongPollWaitsOnTheOwner() throws Exception {
        ownsOrders();
        owner.stores.put(StoreNames.ORDERS, "ord-2", Views.order("ord-2", OrderStatus.PENDING));

        CompletableFuture<HttpResponse<String>> poll = other.getAsync("/orders/ord-2?waitFor=CONFIRMED&timeout=20s", false);
        await().atMost(Duration.ofSeconds(10)).until(() -> owner.waiters.waiting() == 1);
        confirm(owner, "ord-2");

        HttpResponse<String> response = poll.get();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Json.mapper().readTree(response.body()).get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(response.headers().firstValue(QueryHeaders.WAIT)).hasValue("reached");
        assertThat(other.waiters.waiting()).isZero();
    }

    @Test
    void atTheTimeoutAnswersTheCurrentStateSayingItTimedOut() throws Exception {
        ownsOrders();
        owner.stores.put(StoreNames.ORDERS, "ord-3", Views.order("ord-3", OrderStatus.PENDING));

        HttpResponse<String> response = owner.get("/orders/ord-3?waitFor=CONFIRMED&timeout=200ms");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Json.mapper().readTree(response.body()).get("status").asText()).isEqualTo("PENDING");
        assertThat(response.headers().firstValue(QueryHeaders.WAIT)).hasValue("timed-out");
        await().atMost(Duration.ofSeconds(5)).until(() -> owner.waiters.waiting() == 0);
    }

    @Test
    void aKeyThatNeverAppearsIs404AtTheTimeout() throws Exception {
        ownsOrders();
        owner.stores.activeStore(StoreNames.ORDERS);

        HttpResponse<String> response = owner.get("/orders/ord-never?waitFor=CONFIRMED&timeout=100ms");

        assertProblem(response, 404);
        assertThat(response.headers().firstValue(QueryHeaders.WAIT)).hasValue("timed-out");
    }

    @Test
    void anAlreadyReachedStateAnswersAtOnce() throws Exception {
        owner.cluster.locations.put(StoreNames.RESERVATIONS, KeyLocation.of(0, owner.host()));
        owner.stores.put(StoreNames.RESERVATIONS, "res-1", Views.reservation("res-1", ReservationStatus.TICKETED));

        HttpResponse<String> response = owner.get("/reservations/res-1?waitFor=TICKETED&timeout=20s");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue(QueryHeaders.WAIT)).hasValue("reached");
        assertThat(owner.waiters.waiting()).isZero();
    }

    @Test
    void aReservationThatCanNeverBeTicketedEndsTheWait() throws Exception {
        owner.cluster.locations.put(StoreNames.RESERVATIONS, KeyLocation.of(0, owner.host()));
        owner.stores.put(StoreNames.RESERVATIONS, "res-2", Views.reservation("res-2", ReservationStatus.ACTIVE));

        CompletableFuture<HttpResponse<String>> poll = owner.getAsync("/reservations/res-2?waitFor=TICKETED&timeout=20s", false);
        await().atMost(Duration.ofSeconds(10)).until(() -> owner.waiters.waiting() == 1);
        var rejected = Views.reservation("res-2", ReservationStatus.REJECTED);
        owner.stores.put(StoreNames.RESERVATIONS, "res-2", rejected);
        owner.waiters.reservationChanged(rejected);

        HttpResponse<String> response = poll.get();
        assertThat(Json.mapper().readTree(response.body()).get("status").asText()).isEqualTo("REJECTED");
    }

    @Test
    void waitersAreBoundedAndTheOverflowIsTold503() throws Exception {
        ownsOrders();
        owner.stores.put(StoreNames.ORDERS, "ord-4", Views.order("ord-4", OrderStatus.PENDING));
        CompletableFuture<HttpResponse<String>> first = owner.getAsync("/orders/ord-4?waitFor=CONFIRMED&timeout=20s", false);
        CompletableFuture<HttpResponse<String>> second = owner.getAsync("/orders/ord-4?waitFor=CONFIRMED&timeout=20s", false);
        await().atMost(Duration.ofSeconds(10)).until(() -> owner.waiters.waiting() == 2);

        HttpResponse<String> third = owner.get("/orders/ord-4?waitFor=CONFIRMED&timeout=20s");

        assertProblem(third, 503);
        assertThat(third.headers().firstValue("Retry-After")).isPresent();
        confirm(owner, "ord-4");
        assertThat(first.get().statusCode()).isEqualTo(200);
        assertThat(second.get().statusCode()).isEqualTo(200);
    }

    private void ownsOrders() {
        KeyLocation location = KeyLocation.of(0, owner.host());
        owner.cluster.locations.put(StoreNames.ORDERS, location);
        other.cluster.locations.put(StoreNames.ORDERS, location);
    }

    /** What the topology does: write the view, then tell the listener. */
    private static void confirm(TestInstance instance, String orderId) {
        OrderView confirmed = Views.order(orderId, OrderStatus.CONFIRMED);
        instance.stores.put(StoreNames.ORDERS, orderId, confirmed);
        instance.waiters.orderChanged(confirmed);
    }
}
