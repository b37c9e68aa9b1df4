package io.ticketing.query;

import static io.ticketing.query.ProblemAnswersTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.serdes.Json;
import io.ticketing.topology.StoreNames;
import io.ticketing.topology.view.OrderStatus;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two instances over real HTTP: which one answers a key, and what the caller sees. */
class KeyRoutingTest {

    private final TestInstance a = new TestInstance();
    private final TestInstance b = new TestInstance();

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    @Test
    void aKeyOwnedElsewhereIsFetchedFromItsOwnerAndAnsweredAsIfLocal() throws Exception {
        b.stores.put(StoreNames.ORDERS, "ord-1", Views.order("ord-1", OrderStatus.CONFIRMED));
        ownedBy(b, StoreNames.ORDERS);

        HttpResponse<String> viaA = a.get("/orders/ord-1");
        HttpResponse<String> atB = b.get("/orders/ord-1");

        assertThat(viaA.statusCode()).isEqualTo(200);
        assertThat(viaA.body()).isEqualTo(atB.body());
        assertThat(Json.mapper().readTree(viaA.body()).get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(a.forwarded).containsExactly(b.host().port() + "/internal/keys/order-views/ord-1?partition=0");
        assertThat(b.forwarded).isEmpty();
        assertThat(a.stores.reads).hasValue(0);
    }

    @Test
    void theOwnerReadsThePartitionTheCallerNamedWithoutAskingTheMetadataAgain() throws Exception {
        b.stores.put(StoreNames.ORDERS, "ord-1", Views.order("ord-1", OrderStatus.CONFIRMED));
        a.cluster.locations.put(StoreNames.ORDERS, KeyLocation.of(5, b.host()));
        b.cluster.locations.put(StoreNames.ORDERS, KeyLocation.of(5, b.host()));

        HttpResponse<String> response = a.get("/orders/ord-1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(a.cluster.locates).hasValue(1);
        assertThat(b.cluster.locates).hasValue(0);
        assertThat(b.stores.lastPartition).isEqualTo(5);
    }

    @Test
    void anInternalLookupWithoutAPartitionStillFindsItsOwn() throws Exception {
        b.stores.put(StoreNames.ORDERS, "ord-1", Views.order("ord-1", OrderStatus.CONFIRMED));
        b.cluster.locations.put(StoreNames.ORDERS, KeyLocation.of(2, b.host()));

        HttpResponse<String> response = b.get("/internal/keys/order-views/ord-1", true);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(b.stores.lastPartition).isEqualTo(2);
    }

    @Test
    void aMalformedPartitionIs400BeforeAnyStoreIsRead() throws Exception {
        assertProblem(b.get("/internal/keys/order-views/ord-1?partition=-1", true), 400);
        assertProblem(b.get("/internal/keys/order-views/ord-1?partition=x", true), 400);
        assertThat(b.stores.reads).hasValue(0);
    }

    @Test
    void aForwardedRequestIsNeverForwardedAgain() throws Exception {
        // The two disagree about the owner (as during a rebalance): each thinks the other has it.
        ownedBy(b, StoreNames.ORDERS);
        b.cluster.locations.put(StoreNames.ORDERS, KeyLocation.of(0, a.host()));

        HttpResponse<String> response = a.get("/orders/ord-1");

        // B answers from its own stores (it has none): unavailable, and the hop ends there.
        assertProblem(response, 503);
        assertThat(a.forwarded).hasSize(1);
        assertThat(b.forwarded).isEmpty();
    }

    @Test
    void aForgedForwardedHeaderOnAPublicRouteChangesNothing() throws Exception {
        b.stores.put(StoreNames.ORDERS, "ord-1", Views.order("ord-1", OrderStatus.CONFIRMED));
        ownedBy(b, StoreNames.ORDERS);

        HttpResponse<String> response = a.getWith("/orders/ord-1", Forwarder.FORWARDED_HEADER, "1");

        // Still forwarded to the owner, as without the header: the header grants no local-only answer.
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(a.forwarded).hasSize(1);
    }

    @Test
    void internalRoutesRefuseAForgedForwardedHeaderWithoutTheInstanceCredential() throws Exception {
        b.stores.put(StoreNames.ORDERS, "ord-1", Views.order("ord-1", OrderStatus.CONFIRMED));
        ownedBy(b, StoreNames.ORDERS);

        assertProblem(b.getWith("/internal/keys/order-views/ord-1", Forwarder.FORWARDED_HEADER, "1"), 403);
        assertProblem(b.getWith("/internal/keys/order-views/ord-1", Forwarder.FORWARDED_HEADER, "1",
                "Authorization", "Bearer not-the-credential"), 403);
        assertProblem(b.getWith("/internal/shows/evt-1/summary", Forwarder.FORWARDED_HEADER, "1"), 403);
        assertThat(b.get("/internal/keys/order-views/ord-1", true).statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownKeyAtTheOwnerIs404AtTheCaller() throws Exception {
        b.stores.activeStore(StoreNames.ORDERS);
        ownedBy(b, StoreNames.ORDERS);

        assertProblem(a.get("/orders/ord-missing"), 404);
    }

    @Test
    void whenTheOwnerIsGoneALocalStandbyAnswersMarkedStaleWithItsLag() throws Exception {
        a.stores.putStandby(StoreNames.ORDERS, "ord-1", Views.order("ord-1", OrderStatus.PENDING));
        a.cluster.locations.put(StoreNames.ORDERS,
                new KeyLocation(3, Optional.of(TestInstance.deadHost()), List.of(a.host())));

        HttpResponse<String> response = a.get("/orders/ord-1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue(QueryHeaders.STALE)).hasValue("true");
        assertThat(response.headers().firstValue(QueryHeaders.STALE_LAG)).hasValue(Long.toString(FakeStores.STANDBY_LAG));
        assertThat(Json.mapper().readTree(response.body()).get("status").asText()).isEqualTo("PENDING");
    }

    @Test
    void whenTheOwnerIsGoneARemoteStandbyAnswersAndTheStaleMarkIsRelayed() throws Exception {
        b.stores.putStandby(StoreNames.ORDERS, "ord-1", Views.order("ord-1", OrderStatus.PENDING));
        a.cluster.locations.put(StoreNames.ORDERS,
                new KeyLocation(3, Optional.of(TestInstance.deadHost()), List.of(b.host())));
        b.cluster.locations.put(StoreNames.ORDERS, a.cluster.locations.get(StoreNames.ORDERS));

        HttpResponse<String> response = a.get("/orders/ord-1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue(QueryHeaders.STALE)).hasValue("true");
        assertThat(response.headers().firstValue(QueryHeaders.STALE_LAG)).hasValue(Long.toString(FakeStores.STANDBY_LAG));
    }

    @Test
    void whenTheOwnerHangsTheForwardTimesOutAndALocalStandbyAnswersMarkedStale() throws Exception {
        try (ServerSocket silent = TestInstance.silentHost()) {
            a.stores.putStandby(StoreNames.ORDERS, "ord-1", Views.order("ord-1", OrderStatus.PENDING));
            a.cluster.locations.put(StoreNames.ORDERS,
                    new KeyLocation(3, Optional.of(hostOf(silent)), List.of(a.host())));

            HttpResponse<String> response = a.get("/orders/ord-1");

            assertThat(a.forwarded).containsExactly(silent.getLocalPort() + "/internal/keys/order-views/ord-1?partition=3");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue(QueryHeaders.STALE)).hasValue("true");
            assertThat(response.headers().firstValue(QueryHeaders.STALE_LAG)).hasValue(Long.toString(FakeStores.STANDBY_LAG));
            assertThat(Json.mapper().readTree(response.body()).get("status").asText()).isEqualTo("PENDING");
        }
    }

    @Test
    void whenTheOwnerHangsAndNoReplicaIsLeftTheAnswerIs503WithRetryAfter() throws Exception {
        try (ServerSocket silent = TestInstance.silentHost()) {
            a.cluster.locations.put(StoreNames.ORDERS, KeyLocation.of(3, hostOf(silent)));

            HttpResponse<String> response = a.get("/orders/ord-1");

            assertProblem(response, 503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(response.body()).doesNotContain("127.0.0.1").doesNotContain(Integer.toString(silent.getLocalPort()));
        }
    }

    @Test
    void whenTheOwnerIsGoneAndItsStandbyHangsTheAnswerIs503NotAHang() throws Exception {
        try (ServerSocket silent = TestInstance.silentHost()) {
            a.cluster.locations.put(StoreNames.ORDERS,
                    new KeyLocation(3, Optional.of(TestInstance.deadHost()), List.of(hostOf(silent))));

            HttpResponse<String> response = a.get("/orders/ord-1");

            assertProblem(response, 503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(a.forwarded).hasSize(2);
        }
    }

    @Test
    void withNoReplicaAnywhereTheAnswerIs503WithRetryAfter() throws Exception {
        a.cluster.locations.put(StoreNames.ORDERS, KeyLocation.of(3, TestInstance.deadHost()));

        HttpResponse<String> response = a.get("/orders/ord-1");

        assertProblem(response, 503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
    }

    @Test
    void whileTheAssignmentIsUnknownAndNothingIsHereTheAnswerIs503() throws Exception {
        HttpResponse<String> response = a.get("/seats/seat-1");

        assertProblem(response, 503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void aStandbyThatDoesNotHaveTheKeyCannotSayItDoesNotExist() throws Exception {
        a.stores.putStandby(StoreNames.ORDERS, "other", Views.order("other", OrderStatus.PENDING));
        a.cluster.locations.put(StoreNames.ORDERS,
                new KeyLocation(3, Optional.of(TestInstance.deadHost()), List.of(a.host())));

        assertProblem(a.get("/orders/ord-1"), 503);
    }

    @Test
    void lookupsAreCountedByHowTheyWereServed() throws Exception {
        b.stores.put(StoreNames.ORDERS, "ord-1", Views.order("ord-1", OrderStatus.CONFIRMED));
        ownedBy(b, StoreNames.ORDERS);
        a.get("/orders/ord-1");

        String metrics = a.get("/metrics").body();

        assertThat(metrics).contains("ticketing_query_lookups_total{served=\"forwarded\"} 1.0");
        assertThat(metrics).contains("ticketing_http_requests_seconds_bucket")
                .contains("route=\"/orders/{orderId}\"");
    }

    private static HostInfo hostOf(ServerSocket socket) {
        return new HostInfo(socket.getInetAddress().getHostAddress(), socket.getLocalPort());
    }

    private void ownedBy(TestInstance owner, String store) {
        KeyLocation location = KeyLocation.of(0, owner.host());
        a.cluster.locations.put(store, location);
        b.cluster.locations.put(store, location);
    }
}
