package io.ticketing.query;

import static io.ticketing.query.ProblemAnswersTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticketing.serdes.Json;
import io.ticketing.topology.view.SeatStatus;
import io.ticketing.topology.view.SeatView;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A show spread over partitions 0..3 on two instances (A: 0, 1; B: 2, 3), gathered over HTTP. */
class ShowQueriesTest {

    private final TestInstance a = new TestInstance();
    private final TestInstance b = new TestInstance();

    @BeforeEach
    void spreadTheShow() {
        // 40 seats, seat i in partition i % 4; sections A (even) and B (odd); every fifth SOLD.
        for (int i = 0; i < 40; i++) {
            SeatView seat = Views.seat("evt-1", String.format("seat-%03d", i), i % 2 == 0 ? "A" : "B",
                    i % 5 == 0 ? SeatStatus.SOLD : SeatStatus.AVAILABLE);
            TestInstance holder = i % 4 < 2 ? a : b;
            holder.stores.seatPartitions.computeIfAbsent(i % 4, p -> new ArrayList<>()).add(seat);
        }
        a.stores.countPartitions.put(0, Map.of("A|AVAILABLE", 8L, "A|SOLD", 2L));
        a.stores.countPartitions.put(1, Map.of("B|AVAILABLE", 8L, "B|SOLD", 2L));
        b.stores.countPartitions.put(2, Map.of("A|AVAILABLE", 8L, "A|SOLD", 2L));
        b.stores.countPartitions.put(3, Map.of("B|AVAILABLE", 8L, "B|SOLD", 2L));
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
    void everySeatOfTheShowAppearsExactlyOnce() throws Exception {
        JsonNode body = json(a.get("/events/evt-1/seats?limit=1000"));

        assertThat(seatIds(body)).hasSize(40).doesNotHaveDuplicates().isSorted();
        assertThat(body.get("complete").asBoolean()).isTrue();
        assertThat(body.get("missingPartitions")).isEmpty();
        assertThat(body.has("nextCursor")).isFalse();
    }

    @Test
    void aPartitionClaimedByTwoInstancesIsTakenOnce() throws Exception {
        // Mid-rebalance both report partition 2.
        a.stores.seatPartitions.put(2, b.stores.seatPartitions.get(2));

        JsonNode body = json(a.get("/events/evt-1/seats?limit=1000"));

        assertThat(seatIds(body)).hasSize(40).doesNotHaveDuplicates();
    }

    @Test
    void pagesWalkEverySeatOnceAcrossInstances() throws Exception {
        List<String> walked = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = json(a.get("/events/evt-1/seats?limit=7" + (cursor == null ? "" : "&cursor=" + cursor)));
            walked.addAll(seatIds(page));
            cursor = page.has("nextCursor") ? page.get("nextCursor").asText() : null;
            pages++;
        } while (cursor != null && pages < 20);

        assertThat(walked).hasSize(40).doesNotHaveDuplicates().isSorted();
        assertThat(pages).isEqualTo(6);
    }

    @Test
    void filtersBySectionAndStatus() throws Exception {
        JsonNode body = json(b.get("/events/evt-1/seats?section=A&status=sold"));

        List<String> expected = IntStream.range(0, 40).filter(i -> i % 2 == 0 && i % 5 == 0)
                .mapToObj(i -> String.format("seat-%03d", i)).collect(Collectors.toList());
        assertThat(seatIds(body)).isEqualTo(expected);
    }

    @Test
    void aSilentInstanceIsNamedAsMissingPartitionsNotSilentlyDropped() throws Exception {
        a.cluster.members.add(new Cluster.Member(TestInstance.deadHost(), Set.of(4, 5)));

        HttpResponse<String> response = a.get("/events/evt-1/seats?limit=1000");
        JsonNode body = json(response);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.get("complete").asBoolean()).isFalse();
        assertThat(body.get("missingPartitions").toString()).isEqualTo("[4,5]");
        assertThat(response.headers().firstValue(QueryHeaders.COMPLETE)).hasValue("false");
        assertThat(seatIds(body)).hasSize(40);
    }

    @Test
    void aRestoringPartitionIsNamedAsMissing() throws Exception {
        b.stores.seatPartitions.remove(3);
        b.stores.unavailablePartitions.add(3);

        JsonNode body = json(a.get("/events/evt-1/seats?limit=1000"));

        assertThat(body.get("complete").asBoolean()).isFalse();
        assertThat(body.get("missingPartitions").toString()).isEqualTo("[3]");
        assertThat(seatIds(body)).hasSize(30);
    }

    @Test
    void theSummarySumsThePartialCountsOfEveryPartition() throws Exception {
        JsonNode body = json(b.get("/events/evt-1/summary"));

        assertThat(body.get("complete").asBoolean()).isTrue();
        assertThat(body.at("/sections/A/AVAILABLE").asLong()).isEqualTo(16);
        assertThat(body.at("/sections/A/SOLD").asLong()).isEqualTo(4);
        assertThat(body.at("/sections/B/total").asLong()).isEqualTo(20);
        assertThat(body.at("/totals/total").asLong()).isEqualTo(40);
        assertThat(body.at("/totals/HELD").asLong()).isZero();
    }

    @Test
    void theSummaryNamesWhatIsMissing() throws Exception {
        a.cluster.members.add(new Cluster.Member(TestInstance.deadHost(), Set.of(4)));

        JsonNode body = json(a.get("/events/evt-1/summary"));

        assertThat(body.get("complete").asBoolean()).isFalse();
        assertThat(body.get("missingPartitions").toString()).isEqualTo("[4]");
    }

    @Test
    void anUnknownShowIs404AndAnUnknownClusterIs503() throws Exception {
        assertProblem(a.get("/events/evt-none/seats"), 404);
        a.cluster.members.clear();
        assertProblem(a.get("/events/evt-1/seats"), 503);
        assertProblem(a.get("/events/evt-1/summary"), 503);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.mapper().readTree(response.body());
    }

    private static List<String> seatIds(JsonNode body) {
        List<String> ids = new ArrayList<>();
        body.get("seats").forEach(seat -> ids.add(seat.get("seatId").asText()));
        return ids;
    }
}
