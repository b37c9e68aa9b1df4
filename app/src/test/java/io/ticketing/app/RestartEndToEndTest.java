package io.ticketing.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticketing.serdes.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stop the app, start it again with the same application id and state directory: what it knew
 * survives, and nothing it already did is done twice.
 */
class RestartEndToEndTest {

    static final Duration BOUND = Duration.ofSeconds(120);

    @TempDir
    static Path dir;
    static EmbeddedKafka broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafka.start(dir.resolve("kafka"), 0);
        // Every topic up front, so the test's reader can follow the outputs from before the first start.
        BrokerFixture.createTopics(broker.bootstrapServers(), BrokerFixture.allTopics(), 3);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void stateSurvivesARestartAndNothingIsReissued() throws Exception {
        String bootstrap = broker.bootstrapServers();
        Map<String, String> settings = BrokerFixture.appSettings(bootstrap, dir.resolve("state"), "restart");
        List<PaidReservation> before = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            before.add(PaidReservation.fresh("show-restart"));
        }

        try (Upstream upstream = new Upstream(bootstrap);
             TopicReader reader = new TopicReader(bootstrap, List.of("ticket-issued", "refund-requested"))) {
            try (RunningApp app = RunningApp.start(settings)) {
                before.forEach(upstream::send);
                await().atMost(BOUND).until(() -> reader.poll("ticket-issued").size() >= 20);
                assertThat(dir.resolve("state").resolve(UncleanStopMarker.FILE_NAME)).exists();
                await().atMost(BOUND).until(() -> soldSeats(app, "show-restart") == 20);
            }
            // A clean stop says so: the next start keeps its local state instead of wiping it.
            assertThat(dir.resolve("state").resolve(UncleanStopMarker.FILE_NAME)).doesNotExist();

            // While it is down, upstream redelivers every payment, and a second customer pays for a
            // seat that is already sold.
            before.forEach(paid -> upstream.send("payment-succeeded", paid.orderId(), paid.paymentJson()));
            PaidReservation rival = PaidReservation.forSeat("show-restart", before.get(0).seatId());
            upstream.send(rival);
            PaidReservation fresh = PaidReservation.fresh("show-restart");
            upstream.send(fresh);

            try (RunningApp app = RunningApp.start(settings)) {
                await().atMost(BOUND).until(() ->
                        keys(reader.poll("ticket-issued")).contains(fresh.orderId())
                                && keys(reader.poll("refund-requested")).contains(rival.orderId()));
                // The show summary is kept in memory and recounted from the seats when a task starts:
                // the 20 seats sold before the restart are counted again, plus the one sold after.
                await().atMost(BOUND).until(() -> soldSeats(app, "show-restart") == 21);
            }

            List<ConsumerRecord<byte[], byte[]>> tickets = reader.poll("ticket-issued");
            // 20 before, 1 after; the redelivered payments issued nothing new.
            assertThat(tickets).hasSize(21);
            assertThat(keys(tickets)).doesNotHaveDuplicates();
            // The seat sold before the restart was still known to be sold after it.
            JsonNode refund = Json.mapper().readTree(reader.poll("refund-requested").stream()
                    .filter(r -> TopicReader.text(r.key()).equals(rival.orderId())).findFirst().orElseThrow().value());
            assertThat(refund.get("reason").asText()).isEqualTo("seat-unavailable");
            assertThat(keys(reader.poll("refund-requested"))).containsOnly(rival.orderId());
        }
    }

    /** The show summary's SOLD total, as the HTTP layer answers it; -1 while it cannot answer. */
    static long soldSeats(RunningApp app, String eventId) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + app.service().httpPort() + "/events/" + eventId + "/summary")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return -1;
        }
        return Json.mapper().readTree(response.body()).get("totals").get("SOLD").asLong();
    }

    static List<String> keys(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().map(r -> TopicReader.text(r.key())).collect(Collectors.toList());
    }
}
