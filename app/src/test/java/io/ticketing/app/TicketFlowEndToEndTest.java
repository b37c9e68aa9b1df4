package io.ticketing.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticketing.serdes.Json;
import io.ticketing.topology.DeadLetterHeaders;
import io.ticketing.topology.TicketingTopology;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service as deployed, on a real broker: the seed's JSON in, the contract's ticket out; a poison
 * record in, the same bytes out on the dead-letter topic, and the stream goes on.
 */
class TicketFlowEndToEndTest {

    static final Duration BOUND = Duration.ofSeconds(90);

    @TempDir
    static Path dir;
    static EmbeddedKafka broker;
    static RunningApp app;
    static Upstream upstream;

    @BeforeAll
    static void start() {
        broker = EmbeddedKafka.start(dir.resolve("kafka"), 0);
        BrokerFixture.createTopics(broker.bootstrapServers(),
                List.of("reservation-created", "reservation-expired", "payment-succeeded", "payment-failed"), 3);
        app = RunningApp.start(BrokerFixture.appSettings(broker.bootstrapServers(), dir.resolve("state"), "flow"));
        upstream = new Upstream(broker.bootstrapServers());
        await().atMost(BOUND).until(app::running);
    }

    @AfterAll
    static void stop() {
        upstream.close();
        app.close();
        broker.close();
    }

    @Test
    void theSeedsReservationAndPaymentBecomeOneTicketWithTheContractFields() throws Exception {
        // Keys as the seed's producer sets them: a random id per message.
        upstream.send("reservation-created", "f0e1d2c3-0000-4000-8000-000000000001", seed("reservation-created"));
        upstream.send("payment-succeeded", "f0e1d2c3-0000-4000-8000-000000000002", seed("payment-succeeded"));

        try (TopicReader reader = new TopicReader(broker.bootstrapServers(), List.of("ticket-issued"))) {
            await().atMost(BOUND).until(() -> !seedTickets(reader).isEmpty());
            List<ConsumerRecord<byte[], byte[]>> tickets = seedTickets(reader);
            assertThat(tickets).hasSize(1);
            ConsumerRecord<byte[], byte[]> record = tickets.get(0);
            assertThat(TopicReader.text(record.key())).isEqualTo("order-uuid-001");

            JsonNode ticket = Json.mapper().readTree(record.value());
            assertThat(ticket.get("orderId").asText()).isEqualTo("order-uuid-001");
            assertThat(ticket.get("paymentId").asText()).isEqualTo("payment-uuid-001");
            assertThat(ticket.get("customerId").asText()).isEqualTo("customer-123");
            assertThat(ticket.get("eventId").asText()).isEqualTo("550e8400-e29b-41d4-a716-446655440000");
            assertThat(ticket.get("seatId").asText()).isEqualTo("550e8400-e29b-41d4-a716-446655440002");
            assertThat(ticket.get("seatNumber").asText()).isEqualTo("A-1-2");
            assertThat(ticket.get("section").asText()).isEqualTo("VIP");
            assertThat(ticket.get("status").asText()).isEqualTo("generated");
            assertThat(ticket.get("schemaVersion").asText()).isEqualTo("1.0");
            assertThat(ticket.get("ticketId").asText()).isNotBlank();
            String ticketNumber = ticket.get("ticketNumber").asText();
            assertThat(ticketNumber).matches("TKT-\\d{4}-[A-Z0-9]+");
            assertThat(ticket.get("qrCode").asText()).startsWith(ticketNumber + "-");
            assertThat(ticket.get("pdfPath").asText()).contains(ticket.get("ticketId").asText());
            assertThat(ticket.get("issuedAt").asText()).endsWith("Z");
        }
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicWithItsOriginalBytesAndTheStreamGoesOn() throws Exception {
        byte[] key = {0x00, 0x01, (byte) 0xFE, 0x7F};
        byte[] value = "{\"reservationId\": \"r-1\", definitely not json".getBytes(StandardCharsets.UTF_8);
        upstream.send("payment-succeeded", key, value, Map.of("trace-id", "abc-123".getBytes(StandardCharsets.UTF_8)));
        // A good record after it must still be processed.
        PaidReservation after = PaidReservation.fresh("show-poison-test");
        upstream.send(after);

        try (TopicReader reader = new TopicReader(broker.bootstrapServers(), List.of("ticketing-dlt", "ticket-issued"))) {
            ConsumerRecord<byte[], byte[]> dead = awaitDeadLetter(reader, value);
            assertThat(dead.key()).isEqualTo(key);
            // Headers name where it came from and why it was refused (CONTRACT §6).
            assertThat(header(dead, DeadLetterHeaders.TOPIC)).isEqualTo("payment-succeeded");
            assertThat(header(dead, DeadLetterHeaders.PARTITION)).matches("\\d+");
            assertThat(header(dead, DeadLetterHeaders.OFFSET)).matches("\\d+");
            assertThat(header(dead, DeadLetterHeaders.TIMESTAMP)).matches("\\d+");
            assertThat(header(dead, DeadLetterHeaders.ERROR_CLASS)).isEqualTo("UNPARSEABLE");
            assertThat(header(dead, DeadLetterHeaders.REASON)).isNotBlank();

            await().atMost(BOUND).until(() -> reader.poll("ticket-issued").stream()
                    .anyMatch(r -> TopicReader.text(r.key()).equals(after.orderId())));
        }
    }

    @Test
    void anExceptionInOurOwnCodeDeadLettersTheRecordThroughKafkasNativeQueueAndTheStreamGoesOn() throws Exception {
        // A command no decoder would ever produce (an event without its fields), written straight to the
        // seat sub-topology's repartition topic, makes the arbiter throw. Kafka Streams' own dead-letter
        // queue (KIP-1034) must take it on a real broker too, and the partition must go on.
        String seatCommands = "flow-" + TicketingTopology.SEAT_COMMANDS + "-repartition";
        byte[] poison = "{\"kind\":\"create\",\"event\":{\"reservationId\":\"r-native-dlq\"}}"
                .getBytes(StandardCharsets.UTF_8);
        upstream.send(seatCommands, "seat-native-dlq".getBytes(StandardCharsets.UTF_8), poison, Map.of());
        PaidReservation after = PaidReservation.fresh("show-native-dlq-test");
        upstream.send(after);

        try (TopicReader reader = new TopicReader(broker.bootstrapServers(), List.of("ticketing-dlt", "ticket-issued"))) {
            ConsumerRecord<byte[], byte[]> dead = awaitDeadLetter(reader, poison);
            assertThat(header(dead, "__streams.errors.exception")).isNotBlank();
            assertThat(header(dead, "__streams.errors.topic")).isEqualTo(seatCommands);

            await().atMost(BOUND).until(() -> reader.poll("ticket-issued").stream()
                    .anyMatch(r -> TopicReader.text(r.key()).equals(after.orderId())));
        }
    }

    /** The dead letter carrying exactly these value bytes, once it is there (bounded wait). */
    private static ConsumerRecord<byte[], byte[]> awaitDeadLetter(TopicReader reader, byte[] value) {
        return await().atMost(BOUND).until(() -> reader.poll("ticketing-dlt").stream()
                .filter(r -> java.util.Arrays.equals(r.value(), value)).findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header " + name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Other tests of this class issue tickets too; these are the seed order's. */
    private static List<ConsumerRecord<byte[], byte[]>> seedTickets(TopicReader reader) {
        return reader.poll().stream().filter(r -> "order-uuid-001".equals(TopicReader.text(r.key()))).toList();
    }

    @Test
    void aMissingInputTopicIsWaitedForAndTheOutputsAreCreated() throws Exception {
        Map<String, String> settings = BrokerFixture.appSettings(broker.bootstrapServers(), dir.resolve("state-wait"),
                "waiting");
        settings.put("TICKETING_TOPIC_PAYMENT_FAILED", "payment-failed-not-yet");
        settings.put("TICKETING_TOPIC_TICKET_ISSUED", "ticket-issued-waiting");
        TicketingService service = TicketingService.create(AppSettings.from(settings));
        Thread starting = new Thread(() -> {
            try {
                service.startUp(() -> {
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "starting");
        starting.start();
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            // Its own output topic is created at once; then it waits for the missing input.
            await().atMost(BOUND).until(() -> admin.listTopics().names().get().contains("ticket-issued-waiting"));
            assertThat(starting.isAlive()).isTrue();

            BrokerFixture.createTopics(broker.bootstrapServers(), List.of("payment-failed-not-yet"), 3);
            await().atMost(BOUND).until(() -> !starting.isAlive());
            await().atMost(BOUND).until(() -> service.streams().state() == org.apache.kafka.streams.KafkaStreams.State.RUNNING);
        } finally {
            service.close();
            starting.join();
        }
    }

    private static String seed(String name) throws IOException {
        try (InputStream in = TicketFlowEndToEndTest.class.getResourceAsStream("/seed/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
