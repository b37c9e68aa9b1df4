package io.ticketing.serdes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticketing.events.PaymentFailed;
import io.ticketing.events.PaymentSucceeded;
import io.ticketing.events.ReservationCreated;
import io.ticketing.events.ReservationExpired;
import io.ticketing.events.TicketIssued;
import io.ticketing.events.TicketingEvent;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every JSON example of the upstream platform's documentation (seed 000, pasted verbatim under
 * {@code src/test/resources/seed/}) is read, and survives a write and a re-read unchanged in meaning.
 */
class SeedExamplesTest {

    @Test
    void reservationCreatedExampleIsReadFieldByField() {
        ReservationCreated e = accepted(ReservationCreated.class, Examples.RESERVATION_CREATED);

        assertThat(e.eventId()).isEqualTo("550e8400-e29b-41d4-a716-446655440000");
        assertThat(e.reservationId()).isEqualTo("8bf7fffc-9ff5-401c-9d2d-86f525f42e40");
        assertThat(e.customerId()).isEqualTo("customer-123");
        assertThat(e.seatId()).isEqualTo("550e8400-e29b-41d4-a716-446655440002");
        assertThat(e.seatNumber()).isEqualTo("A-1-2");
        assertThat(e.section()).isEqualTo("VIP");
        assertThat(e.basePrice()).isEqualTo(new BigDecimal("50.00")); // equals: same value AND scale 2
        assertThat(e.createdAt()).isEqualTo(Instant.parse("2026-03-04T20:30:00Z"));
        assertThat(e.expiresAt()).isEqualTo(Instant.parse("2026-03-04T20:45:00Z"));
        assertThat(e.status()).isEqualTo("active");
        assertThat(e.schemaVersion()).as("missing schemaVersion means 1.0, and is not invented").isNull();
    }

    @Test
    void paymentSucceededExampleIsReadFieldByField() {
        PaymentSucceeded e = accepted(PaymentSucceeded.class, Examples.PAYMENT_SUCCEEDED);

        assertThat(e.paymentId()).isEqualTo("payment-uuid-001");
        assertThat(e.orderId()).isEqualTo("order-uuid-001");
        assertThat(e.customerId()).isEqualTo("customer-123");
        assertThat(e.reservationId()).isEqualTo("8bf7fffc-9ff5-401c-9d2d-86f525f42e40");
        assertThat(e.amount()).isEqualTo(new BigDecimal("50.00"));
        assertThat(e.currency()).isEqualTo("USD");
        assertThat(e.paymentMethod()).isEqualTo("credit_card");
        assertThat(e.transactionId()).isEqualTo("txn-abc123");
        assertThat(e.processedAt()).isEqualTo(Instant.parse("2026-03-04T20:35:00Z"));
        assertThat(e.status()).isEqualTo("succeeded");
    }

    @Test
    void paymentFailedExampleIsReadFieldByField() {
        PaymentFailed e = accepted(PaymentFailed.class, Examples.PAYMENT_FAILED);

        assertThat(e.paymentId()).isEqualTo("payment-uuid-002");
        assertThat(e.orderId()).isEqualTo("order-uuid-002");
        assertThat(e.customerId()).isEqualTo("customer-456");
        assertThat(e.reservationId()).isEqualTo("reservation-uuid-002");
        assertThat(e.amount()).isEqualTo(new BigDecimal("75.00"));
        assertThat(e.currency()).isEqualTo("USD");
        assertThat(e.paymentMethod()).isEqualTo("credit_card");
        assertThat(e.errorCode()).isEqualTo("card_declined");
        assertThat(e.errorMessage()).isEqualTo("Insufficient funds");
        assertThat(e.failureReason()).isEqualTo("insufficient_funds");
        assertThat(e.attemptedAt()).isEqualTo(Instant.parse("2026-03-04T20:40:00Z"));
        assertThat(e.status()).isEqualTo("failed");
    }

    @Test
    void reservationExpiredExampleIsReadFieldByField() {
        ReservationExpired e = accepted(ReservationExpired.class, Examples.RESERVATION_EXPIRED);

        assertThat(e.reservationId()).isEqualTo("reservation-uuid-003");
        assertThat(e.seatId()).isEqualTo("seat-uuid-003");
        assertThat(e.customerId()).isEqualTo("customer-789");
        assertThat(e.createdAt()).isEqualTo(Instant.parse("2026-03-04T20:00:00Z"));
        assertThat(e.expiresAt()).isEqualTo(Instant.parse("2026-03-04T20:15:00Z"));
        assertThat(e.expiredAt()).isEqualTo(Instant.parse("2026-03-04T20:15:01Z"));
        assertThat(e.status()).isEqualTo("expired");
    }

    /** ticket-issued is an output of this app: it is written by the serde, never read through the validator. */
    @Test
    void ticketIssuedExampleIsReadFieldByField() {
        TicketIssued e = JsonSerde.of(TicketIssued.class).deserialize("ticket-issued", Examples.bytes(Examples.TICKET_ISSUED));

        assertThat(e.ticketId()).isEqualTo("ticket-uuid-001");
        assertThat(e.ticketNumber()).isEqualTo("TKT-2026-001234");
        assertThat(e.orderId()).isEqualTo("order-uuid-001");
        assertThat(e.paymentId()).isEqualTo("payment-uuid-001");
        assertThat(e.customerId()).isEqualTo("customer-123");
        assertThat(e.eventId()).isEqualTo("event-uuid-001");
        assertThat(e.seatId()).isEqualTo("seat-uuid-001");
        assertThat(e.seatNumber()).isEqualTo("A-1-2");
        assertThat(e.section()).isEqualTo("VIP");
        assertThat(e.pdfPath()).isEqualTo("/app/data/tickets/ticket-uuid-001.pdf");
        assertThat(e.qrCode()).isEqualTo("TKT-2026-001234-ABC123");
        assertThat(e.issuedAt()).isEqualTo(Instant.parse("2026-03-04T20:36:00Z"));
        assertThat(e.status()).isEqualTo("generated");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "reservation-created.json, io.ticketing.events.ReservationCreated",
        "reservation-expired.json, io.ticketing.events.ReservationExpired",
        "payment-succeeded.json,   io.ticketing.events.PaymentSucceeded",
        "payment-failed.json,      io.ticketing.events.PaymentFailed",
        "ticket-issued.json,       io.ticketing.events.TicketIssued",
    })
    void everyExampleRoundTripsUnchangedInMeaning(String example, Class<? extends TicketingEvent> type) throws IOException {
        JsonSerde<? extends TicketingEvent> serde = JsonSerde.of(type);
        TicketingEvent original = serde.deserialize("t", Examples.bytes(example));

        byte[] written = serializeAs(serde, original);
        TicketingEvent reread = serde.deserialize("t", written);

        assertThat(reread).as("re-read equals the original record").isEqualTo(original);
        assertSameMeaning(Json.mapper().readTree(Examples.bytes(example)), Json.mapper().readTree(written));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "reservation-created.json, io.ticketing.events.ReservationCreated, '\"basePrice\":50.00'",
        "payment-succeeded.json,   io.ticketing.events.PaymentSucceeded,   '\"amount\":50.00'",
        "payment-failed.json,      io.ticketing.events.PaymentFailed,      '\"amount\":75.00'",
    })
    void moneyIsWrittenAsAPlainDecimalKeepingItsScale(String example, Class<? extends TicketingEvent> type,
            String expectedFragment) {
        JsonSerde<? extends TicketingEvent> serde = JsonSerde.of(type);
        String written = new String(serializeAs(serde, serde.deserialize("t", Examples.bytes(example))),
                StandardCharsets.UTF_8);

        assertThat(written).contains(expectedFragment).doesNotContain("E+").doesNotContain("\"50\"");
    }

    @Test
    void timesAreWrittenAsUtcWithZ() {
        JsonSerde<ReservationExpired> serde = JsonSerde.of(ReservationExpired.class);
        String written = new String(serializeAs(serde,
                serde.deserialize("t", Examples.bytes(Examples.RESERVATION_EXPIRED))), StandardCharsets.UTF_8);

        assertThat(written)
                .contains("\"createdAt\":\"2026-03-04T20:00:00Z\"")
                .contains("\"expiresAt\":\"2026-03-04T20:15:00Z\"")
                .contains("\"expiredAt\":\"2026-03-04T20:15:01Z\"");
    }

    /**
     * The seed's versioning snippet ({@code "reservationId": "...", "..."}) is a sketch, not a document:
     * a record carrying it verbatim is dead-lettered as unparseable, with a reason a person can act on.
     */
    @Test
    void theVersioningSketchIsNotJsonAndIsRejectedReadably() {
        ReadResult<ReservationCreated> result =
                new EventReader<>(ReservationCreated.class).read(Examples.bytes(Examples.VERSIONING_SKETCH));

        assertThat(result).isInstanceOfSatisfying(ReadResult.Rejected.class, r -> {
            assertThat(r.kind()).isEqualTo(Rejection.UNPARSEABLE);
            assertThat(r.reason()).startsWith("not a valid ReservationCreated JSON document");
        });
    }

    private static <T extends TicketingEvent> T accepted(Class<T> type, String example) {
        ReadResult<T> result = new EventReader<>(type).read(Examples.bytes(example));
        assertThat(result).as("%s is accepted", example).isInstanceOf(ReadResult.Accepted.class);
        return ((ReadResult.Accepted<T>) result).event();
    }

    @SuppressWarnings("unchecked")
    private static <T> byte[] serializeAs(JsonSerde<T> serde, Object value) {
        return serde.serialize("t", (T) value);
    }

    /**
     * Every field of the example is in the written document with the same meaning: equal text,
     * equal instant (whatever the notation), equal decimal value and scale. Nothing is added but what
     * the record fills in.
     */
    private static void assertSameMeaning(JsonNode example, JsonNode written) {
        for (Iterator<Map.Entry<String, JsonNode>> it = example.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode expected = field.getValue();
            JsonNode actual = written.get(name);
            assertThat(actual).as("field %s is written", name).isNotNull();
            if (expected.isNumber()) {
                assertThat(actual.isNumber()).as("%s stays a JSON number", name).isTrue();
                assertThat(actual.decimalValue()).as(name).isEqualByComparingTo(expected.decimalValue());
            } else if (name.endsWith("At")) {
                assertThat(actual.asText()).as("%s is emitted in UTC with Z", name).endsWith("Z");
                assertThat(Instant.parse(actual.asText())).as(name).isEqualTo(Instant.parse(expected.asText()));
            } else {
                assertThat(actual).as(name).isEqualTo(expected);
            }
        }
        assertThat(written.size()).as("no field invented").isEqualTo(example.size());
    }
}
