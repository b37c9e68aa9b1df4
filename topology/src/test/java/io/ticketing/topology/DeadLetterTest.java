package io.ticketing.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.events.ReservationCreated;
import io.ticketing.serdes.Json;
import io.ticketing.topology.view.ReservationStatus;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** CONTRACT §6: every bad record goes to the dead-letter topic with its original bytes, and the stream goes on. */
class DeadLetterTest {

    private final TopologyHarness h = new TopologyHarness(TopologyHarness.defaultConfig().withMaxRecordBytes(2048));
    private final ReservationCreated valid = Events.created("r1", "s1").build();

    @AfterEach
    void close() {
        h.close();
    }

    static Stream<Arguments> badRecords() {
        ReservationCreated c = Events.created("r9", "s9").build();
        return Stream.of(
                Arguments.of("not JSON", "reservation-created", bytes("{not json"), "UNPARSEABLE"),
                Arguments.of("JSON of the wrong shape", "payment-succeeded", bytes("[1,2,3]"), "UNPARSEABLE"),
                Arguments.of("bad timestamp", "reservation-created",
                        bytes(new String(Events.json(c), StandardCharsets.UTF_8)
                                .replace(c.createdAt().toString(), "yesterday")), "UNPARSEABLE"),
                Arguments.of("null value (tombstone)", "payment-failed", null, "EMPTY"),
                Arguments.of("missing reservationId", "payment-succeeded",
                        Events.json(Events.succeeded("p9", null).build()), "INVALID"),
                Arguments.of("missing seatId", "reservation-created",
                        Events.json(Events.created("r9", null).build()), "INVALID"),
                Arguments.of("id with a separator", "reservation-created",
                        Events.json(Events.created("r9", "s|9").build()), "INVALID"),
                Arguments.of("wrong status for the topic", "payment-succeeded",
                        Events.json(Events.succeeded("p9", "r9").status("failed").build()), "INVALID"),
                Arguments.of("negative amount", "payment-failed",
                        Events.json(Events.failed("p9", "r9").amount(new BigDecimal("-1")).build()), "INVALID"),
                Arguments.of("currency not 3 letters", "payment-succeeded",
                        Events.json(Events.succeeded("p9", "r9").currency("EURO").build()), "INVALID"),
                Arguments.of("expiresAt before createdAt", "reservation-created",
                        Events.json(Events.created("r9", "s9").expiresAt(Events.BASE.minusSeconds(1)).build()),
                        "INVALID"),
                Arguments.of("expiry expiresAt before createdAt", "reservation-expired",
                        Events.json(Events.expired("r9", "s9").expiresAt(Events.BASE.minusSeconds(1)).build()),
                        "INVALID"),
                Arguments.of("unsupported major schemaVersion", "reservation-created",
                        Events.json(Events.created("r9", "s9").schemaVersion("2.0").build()), "INVALID"),
                Arguments.of("oversize", "reservation-created", new byte[4096], "OVERSIZE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRecords")
    void badRecordGoesToTheDeadLetterTopicWithOriginalBytesAndHeaders(String why, String topic, byte[] value,
            String errorClass) {
        byte[] key = bytes("upstream-key-" + why);
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", bytes("00-abc-def-01"));
        h.pipeRaw(topic, key, value, headers, Events.BASE.plusSeconds(7));

        List<TestRecord<byte[], byte[]>> dead = h.deadLetters();
        assertThat(dead).hasSize(1);
        TestRecord<byte[], byte[]> d = dead.get(0);
        assertThat(d.key()).isEqualTo(key);
        assertThat(d.value()).isEqualTo(value);
        assertThat(TopologyHarness.header(d, DeadLetterHeaders.TOPIC)).isEqualTo(topic);
        assertThat(TopologyHarness.header(d, DeadLetterHeaders.PARTITION)).isEqualTo("0");
        assertThat(TopologyHarness.header(d, DeadLetterHeaders.OFFSET)).isEqualTo("0");
        assertThat(TopologyHarness.header(d, DeadLetterHeaders.TIMESTAMP))
                .isEqualTo(String.valueOf(Events.BASE.plusSeconds(7).toEpochMilli()));
        assertThat(TopologyHarness.header(d, DeadLetterHeaders.ERROR_CLASS)).isEqualTo(errorClass);
        assertThat(TopologyHarness.header(d, DeadLetterHeaders.REASON)).isNotBlank();
        assertThat(TopologyHarness.header(d, "traceparent")).isEqualTo("00-abc-def-01");

        // The stream goes on.
        h.pipe(valid);
        assertThat(h.reservation("r1").orElseThrow().status()).isEqualTo(ReservationStatus.ACTIVE);
        assertThat(h.deadLetters()).isEmpty();
    }

    @Test
    void reasonIsReadable() {
        h.pipe(Events.succeeded("p9", "r9").currency("euro").amount(new BigDecimal("-5")).build());
        TestRecord<byte[], byte[]> d = h.deadLetters().get(0);
        assertThat(TopologyHarness.header(d, DeadLetterHeaders.REASON))
                .contains("currency 'euro'").contains("amount is negative");
    }

    @Test
    void offsetsAndPartitionNameTheOriginalRecord() {
        h.pipe(valid);
        h.pipeRaw("reservation-created", null, bytes("garbage"));
        TestRecord<byte[], byte[]> d = h.deadLetters().get(0);
        assertThat(TopologyHarness.header(d, DeadLetterHeaders.OFFSET)).isEqualTo("1");
        assertThat(d.key()).isNull();
    }

    @Test
    void countsAppliedAndDeadLetteredRecordsPerInputTopic() {
        h.pipe(valid);
        h.pipe(Events.paymentFor(valid, "p1").build());
        h.pipeRaw("payment-succeeded", null, bytes("garbage"));
        h.pipeRaw("payment-succeeded", null, bytes("more garbage"));
        assertThat(Metrics.total(h, "records-applied-total", "reservation-created")).isEqualTo(1.0);
        assertThat(Metrics.total(h, "records-applied-total", "payment-succeeded")).isEqualTo(1.0);
        assertThat(Metrics.total(h, "records-dead-lettered-total", "payment-succeeded")).isEqualTo(2.0);
        assertThat(Metrics.total(h, "records-dead-lettered-total", "reservation-created")).isEqualTo(0.0);
    }

    @Test
    void anExceptionInProcessingCodeDeadLettersTheRecordAndTheStreamGoesOn() throws Exception {
        // A command no decoder would ever produce (an event without its fields) makes our own code throw:
        // the native dead-letter queue (KIP-1034) takes it, with Kafka's error headers, and processing goes on.
        TestInputTopic<String, byte[]> internal = h.driver().createInputTopic(
                TopologyHarness.APPLICATION_ID + "-" + TicketingTopology.SEAT_COMMANDS + "-repartition",
                new StringSerializer(), new ByteArraySerializer());
        h.pipe(valid);
        byte[] poison = Json.internalMapper().writeValueAsBytes(Json.mapper()
                .readTree("{\"kind\":\"create\",\"event\":{\"reservationId\":\"r7\"}}"));
        internal.pipeInput("s9", poison);

        List<TestRecord<byte[], byte[]>> dead = h.deadLetters();
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).value()).isEqualTo(poison);
        assertThat(TopologyHarness.header(dead.get(0), "__streams.errors.exception")).isNotBlank();
        assertThat(TopologyHarness.header(dead.get(0), "__streams.errors.topic")).endsWith("seat-commands-repartition");

        h.pipe(Events.paymentFor(valid, "p1").build());
        assertThat(h.ticketsIssued()).hasSize(1);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
