package io.ticketing.query;

import static io.ticketing.query.ProblemAnswersTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticketing.serdes.Json;
import io.ticketing.topology.view.SeatStatus;
import io.ticketing.topology.view.SeatView;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console's files and routes, on two instances (A holds partitions 0, 1; B holds 2, 3). */
class ConsoleRoutesTest {

    private static final Duration BOUND = Duration.ofSeconds(20);

    private final TestInstance a = new TestInstance();
    private final TestInstance b = new TestInstance();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void twoInstances() {
        for (TestInstance instance : List.of(a, b)) {
            instance.cluster.members.add(new Cluster.Member(a.host(), Set.of(0, 1)));
            instance.cluster.members.add(new Cluster.Member(b.host(), Set.of(2, 3)));
        }
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    @Test
    void theConsoleAndItsScriptsAreServedFromTheJar() {
        HttpResponse<String> page = a.get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("id=\"seat-map\"", "/api.js", "/seats.js", "/gate.js", "/ops.js");
        for (String script : List.of("/api.js", "/seats.js", "/lookups.js", "/gate.js", "/ops.js", "/console.js",
                "/console.css")) {
            assertThat(a.get(script).statusCode()).as(script).isEqualTo(200);
        }
    }

    @Test
    void aSeatChangeDecidedOnEitherInstanceReachesALiveStreamOpenedOnOne() throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CompletableFuture<HttpResponse<Void>> stream = openStream(a, "/events/evt-1/seats/live", lines);
        try {
            // The relay from B is open once B has a watcher for the show (A's own watcher is registered first).
            await().atMost(BOUND).until(() -> b.seatChanges.watching() == 1 && a.seatChanges.watching() == 1);

            b.seatChanges.seatChanged(Views.seat("evt-1", "seat-b", "A", SeatStatus.SOLD));
            a.seatChanges.seatChanged(Views.seat("evt-1", "seat-a", "B", SeatStatus.HELD));
            a.seatChanges.seatChanged(Views.seat("evt-other", "seat-x", "B", SeatStatus.HELD));

            List<SeatView> seen = List.of(nextSeat(lines), nextSeat(lines));
            assertThat(seen).extracting(SeatView::seatId).containsExactlyInAnyOrder("seat-a", "seat-b");
            assertThat(seen).filteredOn(s -> s.seatId().equals("seat-b")).extracting(SeatView::status)
                    .containsExactly(SeatStatus.SOLD);
        } finally {
            stream.cancel(true);
        }
    }

    @Test
    void aClosedLiveStreamLeavesNoWatcherOnAnyInstance() throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CompletableFuture<HttpResponse<Void>> stream = openStream(a, "/events/evt-1/seats/live", lines);
        await().atMost(BOUND).until(() -> b.seatChanges.watching() == 1);
        // B goes away: A's stream ends (the browser reconnects to the members known then) and A lets go.
        b.close();
        await().atMost(BOUND).until(() -> a.seatChanges.watching() == 0);
        stream.cancel(true);
    }

    @Test
    void aLiveStreamForABadShowIdIsAProblem() throws Exception {
        assertProblem(a.get("/events/bad%20id/seats/live"), 400);
    }

    @Test
    void theShowListGathersEveryShowFromEveryInstance() throws Exception {
        a.stores.allCountPartitions.put(0, Map.of("evt-1|A|AVAILABLE", 3L, "evt-1|A|SOLD", 1L));
        b.stores.allCountPartitions.put(2, Map.of("evt-1|B|HELD", 2L, "evt-2|A|AVAILABLE", 5L));

        JsonNode body = Json.mapper().readTree(b.get("/shows").body());

        assertThat(body.get("complete").asBoolean()).isTrue();
        JsonNode shows = body.get("shows");
        assertThat(shows).hasSize(2);
        assertThat(shows.get(0).get("eventId").asText()).isEqualTo("evt-1");
        assertThat(shows.get(0).get("totals").get("total").asLong()).isEqualTo(6);
        assertThat(shows.get(0).get("totals").get("HELD").asLong()).isEqualTo(2);
        assertThat(shows.get(1).get("eventId").asText()).isEqualTo("evt-2");
        assertThat(shows.get(1).get("totals").get("AVAILABLE").asLong()).isEqualTo(5);
    }

    @Test
    void theOpsViewListsEveryInstanceAndNamesOneThatDoesNotAnswer() throws Exception {
        a.cluster.members.add(new Cluster.Member(TestInstance.deadHost(), Set.of(4)));

        JsonNode instances = Json.mapper().readTree(a.get("/ops/instances").body()).get("instances");

        assertThat(instances).hasSize(3);
        assertThat(instances.get(0).get("instance").asText()).isEqualTo("localhost:" + a.server.port());
        assertThat(instances.get(0).get("state").asText()).isEqualTo("RUNNING");
        assertThat(instances.get(0).get("recordsInPerSec").asDouble()).isEqualTo(2.5);
        assertThat(instances.get(0).get("deadLettered").get("payment-succeeded").asLong()).isEqualTo(1);
        assertThat(instances.get(1).get("instance").asText()).isEqualTo("localhost:" + b.server.port());
        assertThat(instances.get(2).get("state").asText()).isEqualTo("UNREACHABLE");
    }

    private CompletableFuture<HttpResponse<Void>> openStream(TestInstance instance, String path,
                                                            BlockingQueue<String> lines) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + instance.server.port() + path))
                .header("Accept", "text/event-stream").build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new java.util.concurrent.Flow.Subscriber<>() {
            @Override
            public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(String line) {
                lines.add(line);
            }

            @Override
            public void onError(Throwable throwable) {
            }

            @Override
            public void onComplete() {
            }
        }));
    }

    private static SeatView nextSeat(BlockingQueue<String> lines) throws Exception {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null && line.startsWith("data:")) {
                return Json.mapper().readValue(line.substring(5).trim(), SeatView.class);
            }
        }
        throw new AssertionError("no seat event within " + BOUND);
    }
}
