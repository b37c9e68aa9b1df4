package io.ticketing.app.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.app.check.CheckReport;
import io.ticketing.app.check.InvariantChecker;
import io.ticketing.app.check.ServingCheck;
import io.ticketing.app.check.TopicRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checker's rules on hand-made records: each invariant can fail, and a clean run passes. */
class InvariantCheckerTest {

    private final InvariantChecker checker = new InvariantChecker(new InvariantChecker.Topics("payment-succeeded"), null);
    private final List<TopicRecord> sent = new ArrayList<>();
    private final List<TopicRecord> tickets = new ArrayList<>();
    private final List<TopicRecord> refunds = new ArrayList<>();
    private final List<TopicRecord> deadLetters = new ArrayList<>();
    private long offset;

    private CheckReport check() {
        return checker.check(sent, new InvariantChecker.Outputs(tickets, refunds, List.of(), deadLetters));
    }

    private void payment(String paymentId, String reservationId) {
        sent.add(TopicRecord.of("payment-succeeded", 0, offset++, null,
                "{\"paymentId\":\"" + paymentId + "\",\"orderId\":\"o-" + paymentId + "\",\"reservationId\":\""
                        + reservationId + "\",\"processedAt\":\"2026-01-01T10:00:00Z\",\"status\":\"succeeded\"}"));
    }

    private void ticket(String ticketId, String paymentId, String seatId, String issuedAt) {
        tickets.add(TopicRecord.of("ticket-issued", 0, offset++, "o-" + paymentId,
                "{\"ticketId\":\"" + ticketId + "\",\"paymentId\":\"" + paymentId + "\",\"orderId\":\"o-" + paymentId
                        + "\",\"seatId\":\"" + seatId + "\",\"issuedAt\":\"" + issuedAt + "\"}"));
    }

    private void refund(String paymentId, String reason) {
        refunds.add(TopicRecord.of("refund-requested", 0, offset++, "o-" + paymentId,
                "{\"paymentId\":\"" + paymentId + "\",\"reason\":\"" + reason + "\"}"));
    }

    @Test
    void aCleanRunPasses() {
        payment("p1", "r1");
        payment("p2", "r2");
        payment("p2", "r2"); // an upstream duplicate: the same payment, one outcome
        ticket("t1", "p1", "s1", "2026-01-01T10:00:01Z");
        ticket("t1", "p1", "s1", "2026-01-01T10:00:01Z"); // an identical copy is allowed by I2
        refund("p2", "seat-unavailable");

        CheckReport report = check();

        assertThat(report.violations()).isEmpty();
        assertThat(report.passed()).isTrue();
        assertThat(report.count("distinct payment-succeeded")).isEqualTo(2);
        assertThat(report.count("payments judged for I3")).isEqualTo(2);
        assertThat(report.describe()).contains("RESULT: PASS");
    }

    @Test
    void twoTicketsForOneSeatBreakI1() {
        payment("p1", "r1");
        payment("p2", "r2");
        ticket("t1", "p1", "s1", "2026-01-01T10:00:01Z");
        ticket("t2", "p2", "s1", "2026-01-01T10:00:02Z");

        CheckReport report = check();

        assertThat(report.violations("I1")).hasSize(1);
        assertThat(report.violations("I1").get(0).evidence()).hasSize(2)
                .anySatisfy(line -> assertThat(line).contains("ticket-issued-0@").contains("t2"));
        assertThat(report.describe()).contains("RESULT: FAIL");
    }

    @Test
    void aTicketReissuedWithOtherFieldsBreaksI2() {
        payment("p1", "r1");
        ticket("t1", "p1", "s1", "2026-01-01T10:00:01Z");
        ticket("t1", "p1", "s1", "2026-01-01T10:09:09Z");

        assertThat(check().violations("I2")).singleElement()
                .satisfies(v -> assertThat(v.what()).contains("t1").contains("different fields"));
    }

    @Test
    void twoTicketsForOneReservationBreakI2() {
        payment("p1", "r1");
        payment("p2", "r1");
        ticket("t1", "p1", "s1", "2026-01-01T10:00:01Z");
        ticket("t2", "p2", "s2", "2026-01-01T10:00:01Z");

        assertThat(check().violations("I2")).singleElement()
                .satisfies(v -> assertThat(v.what()).contains("reservation r1"));
    }

    @Test
    void aPaymentWithNeitherOrBothOutcomesBreaksI3() {
        payment("p1", "r1");
        payment("p2", "r2");
        ticket("t2", "p2", "s2", "2026-01-01T10:00:01Z");
        refund("p2", "duplicate-payment");

        CheckReport report = check();

        assertThat(report.violations("I3")).extracting(v -> v.what())
                .containsExactlyInAnyOrder("payment p1 has neither a ticket nor a refund",
                        "payment p2 has both a ticket and a refund");
    }

    @Test
    void anOutcomeForAPaymentNeverSentBreaksI3() {
        payment("p1", "r1");
        refund("p1", "seat-unavailable");
        refund("p9", "unknown-reservation");

        assertThat(check().violations("I3")).singleElement()
                .satisfies(v -> assertThat(v.what()).contains("p9").contains("never sent"));
    }

    @Test
    void paymentsTooRecentAreNotJudged() {
        InvariantChecker recent = new InvariantChecker(new InvariantChecker.Topics("payment-succeeded"),
                Instant.parse("2026-01-01T09:00:00Z"));
        payment("p1", "r1");

        CheckReport report = recent.check(sent, new InvariantChecker.Outputs(tickets, refunds, List.of(), deadLetters));

        assertThat(report.passed()).isTrue();
        assertThat(report.count("payments too recent to judge")).isEqualTo(1);
    }

    @Test
    void poisonMustReachTheDeadLetterTopicWithItsOriginalBytes() {
        byte[] poison = {'{', 'x', (byte) 0xff};
        byte[] other = "{\"status\":\"wrong\"}".getBytes(StandardCharsets.UTF_8);
        byte[] notJson = "not json at all".getBytes(StandardCharsets.UTF_8);
        sent.add(new TopicRecord("payment-failed", 1, 7, null, poison, Map.of(), "unparseable"));
        sent.add(new TopicRecord("reservation-created", 0, 3, null, other, Map.of(), "wrong-status"));
        sent.add(new TopicRecord("reservation-created", 0, 4, null, notJson, Map.of(), null));
        // The first is dead-lettered with its position, the second with altered bytes, the third not at all.
        deadLetters.add(deadLetter("payment-failed", 1, 7, poison));
        deadLetters.add(deadLetter("reservation-created", 0, 3, "{}".getBytes(StandardCharsets.UTF_8)));

        CheckReport report = check();

        assertThat(report.violations("I4")).extracting(v -> v.what())
                .containsExactlyInAnyOrder("dead letter of reservation-created-0@3 does not carry its original bytes",
                        "a bad input record (not JSON) is not in the dead-letter topic");
        assertThat(report.count("bad input records expected in the DLT")).isEqualTo(3);
    }

    @Test
    void aNativeDeadLetterWithoutPositionHeadersIsMatchedByItsBytes() {
        byte[] poison = "{\"broken\":".getBytes(StandardCharsets.UTF_8);
        sent.add(new TopicRecord("payment-succeeded", 0, 1, null, poison, Map.of(), "truncated"));
        deadLetters.add(new TopicRecord("ticketing-dlt", 0, 0, null, poison, Map.of(), null));

        assertThat(check().passed()).isTrue();
    }

    @Test
    void theHttpLayerMustAgreeWithTheFoldOfTheEvents() {
        payment("p1", "r1");
        ticket("t1", "p1", "s1", "2026-01-01T10:00:01Z");
        List<TopicRecord> created = List.of(
                TopicRecord.of("reservation-created", 0, 1, null, "{\"reservationId\":\"r1\",\"seatId\":\"s1\"}"),
                TopicRecord.of("reservation-created", 0, 2, null,
                        "{\"reservationId\":\"r2\",\"seatId\":\"s2\",\"expiresAt\":\"2026-01-01T09:00:00Z\"}"));
        Map<String, ServingCheck.Answer> answers = new HashMap<>();
        answers.put("/reservations/r1", new ServingCheck.Answer(200, "{\"reservationId\":\"r1\",\"status\":\"TICKETED\",\"ticketId\":\"t1\"}"));
        answers.put("/seats/s1", new ServingCheck.Answer(200, "{\"seatId\":\"s1\",\"status\":\"HELD\",\"reservationId\":\"r1\"}"));
        answers.put("/orders/o-p1", new ServingCheck.Answer(200, "{\"orderId\":\"o-p1\",\"status\":\"CONFIRMED\",\"ticketIds\":[\"t1\"]}"));
        answers.put("/reservations/r2", new ServingCheck.Answer(200, "{\"reservationId\":\"r2\",\"status\":\"ACTIVE\"}"));
        CheckReport report = check();

        new ServingCheck(checker, path -> answers.getOrDefault(path, new ServingCheck.Answer(404, "{}")),
                Instant.parse("2026-01-01T10:00:00Z"))
                .check(created, sent, tickets, 10, 1, report);

        assertThat(report.violations("I5")).extracting(v -> v.what())
                .anySatisfy(w -> assertThat(w).startsWith("seat of ticketed reservation r1"))
                .anySatisfy(w -> assertThat(w).startsWith("reservation r2 is past its expiresAt"))
                .hasSize(2);
        assertThat(report.count("I5 reservations compared")).isEqualTo(2);
    }

    private static TopicRecord deadLetter(String topic, int partition, long offset, byte[] value) {
        return new TopicRecord("ticketing-dlt", 0, offset, null, value, Map.of(
                "ticketing.dlt.topic", topic, "ticketing.dlt.partition", String.valueOf(partition),
                "ticketing.dlt.offset", String.valueOf(offset), "ticketing.dlt.reason", "test"), null);
    }
}
