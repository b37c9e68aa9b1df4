package io.ticketing.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticketing.serdes.Json;
import io.ticketing.topology.StoreNames;
import io.ticketing.topology.view.ReservationStatus;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every refusal is an application/problem+json body; nothing internal leaks; bad ids never reach a store. */
class ProblemAnswersTest {

    private final TestInstance instance = new TestInstance();

    @AfterEach
    void close() {
        instance.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/reservations/a%20b", "/reservations/%3Cscript%3E", "/reservations/'%3B%20DROP%20TABLE",
            "/reservations/caf%C3%A9", "/reservations/a%7Cb", "/orders/%25", "/seats/a%22b",
            "/tickets/x%2Cy", "/customers/%7B%7D/tickets", "/tickets/verify/%00", "/events/e%3Bx/seats",
            "/events/e%3Bx/summary", "/tickets/%3Cx%3E.pdf"})
    void hostileIdsAreRefusedBeforeAnyStoreIsRead(String path) throws Exception {
        HttpResponse<String> response = instance.get(path);

        assertProblem(response, 400);
        assertThat(instance.stores.reads).hasValue(0);
    }

    @Test
    void overlongIdsAreRefused() throws Exception {
        HttpResponse<String> response = instance.get("/reservations/" + "a".repeat(129));

        assertProblem(response, 400);
        assertThat(problem(response).get("detail").asText()).contains("longer than 128");
        assertThat(instance.stores.reads).hasValue(0);
    }

    @Test
    void anUnknownKeyIsA404Problem() throws Exception {
        instance.stores.activeStore(StoreNames.RESERVATIONS);
        instance.cluster.locations.put(StoreNames.RESERVATIONS, KeyLocation.of(0, instance.host()));

        HttpResponse<String> response = instance.get("/reservations/res-404");

        assertProblem(response, 404);
        assertThat(problem(response).get("detail").asText()).contains("res-404");
    }

    @Test
    void aKnownKeyIsItsViewAsJson() throws Exception {
        instance.stores.put(StoreNames.RESERVATIONS, "res-1", Views.reservation("res-1", ReservationStatus.ACTIVE));
        instance.cluster.locations.put(StoreNames.RESERVATIONS, KeyLocation.of(0, instance.host()));

        HttpResponse<String> response = instance.get("/reservations/res-1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode body = Json.mapper().readTree(response.body());
        assertThat(body.get("reservationId").asText()).isEqualTo("res-1");
        assertThat(body.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(response.headers().firstValue(QueryHeaders.STALE)).isEmpty();
    }

    @Test
    void unknownRoutesAndMethodsAreProblemsToo() throws Exception {
        assertProblem(instance.get("/nothing/here"), 404);
        // An internal store is no one's to read, not even another instance's; outsiders learn nothing about it.
        assertProblem(instance.get("/internal/keys/seat-timers/k1", true), 404);
        assertProblem(instance.get("/internal/keys/seat-timers/k1"), 403);
    }

    @Test
    void aBugInOurCodeIsAGeneric500WithoutInternals() throws Exception {
        instance.cluster.locations.put(StoreNames.ORDERS, KeyLocation.of(0, instance.host()));
        instance.stores.failure = new IllegalStateException("secret-internal-host-10.1.2.3 exploded");

        HttpResponse<String> response = instance.get("/orders/ord-1");

        assertProblem(response, 500);
        assertThat(response.body()).doesNotContain("secret-internal-host").doesNotContain("IllegalStateException")
                .doesNotContain("at io.ticketing");
    }

    @Test
    void badQueryParametersAre400() throws Exception {
        instance.cluster.locations.put(StoreNames.ORDERS, KeyLocation.of(0, instance.host()));
        assertProblem(instance.get("/orders/ord-1?waitFor=SHIPPED"), 400);
        assertProblem(instance.get("/orders/ord-1?waitFor=CONFIRMED&timeout=forever"), 400);
        assertProblem(instance.get("/orders/ord-1?waitFor=CONFIRMED&timeout=3600s"), 400);
        assertProblem(instance.get("/seats/seat-1?waitFor=SOLD"), 400);
        assertProblem(instance.get("/events/evt-1/seats?limit=0"), 400);
        assertProblem(instance.get("/events/evt-1/seats?limit=100000"), 400);
        assertProblem(instance.get("/events/evt-1/seats?status=GONE"), 400);
        assertProblem(instance.get("/events/evt-1/seats?cursor=a%20b"), 400);
        assertThat(instance.stores.reads).hasValue(0);
    }

    static JsonNode problem(HttpResponse<String> response) throws Exception {
        return Json.mapper().readTree(response.body());
    }

    static void assertProblem(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode body = problem(response);
        assertThat(body.get("type").asText()).startsWith("/problems/");
        assertThat(body.get("title").asText()).isNotBlank();
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("detail").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("localhost");
    }
}
