package io.ticketing.serdes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.ticketing.events.PaymentFailed;
import io.ticketing.events.PaymentSucceeded;
import io.ticketing.events.ReservationCreated;
import io.ticketing.events.ReservationExpired;
import io.ticketing.events.TicketingEvent;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** CONTRACT §6: each rule has an example that breaks it, refused with a reason a person can act on. */
class ValidationRulesTest {

    static Stream<Arguments> brokenRecords() {
        return Stream.of(
                // missing ids, on every input type
                rule("reservation-created without reservationId", ReservationCreated.class,
                        Examples.edited(Examples.RESERVATION_CREATED, n -> n.remove("reservationId")),
                        Rejection.INVALID, "reservationId is missing"),
                rule("reservation-created without eventId", ReservationCreated.class,
                        Examples.edited(Examples.RESERVATION_CREATED, n -> n.remove("eventId")),
                        Rejection.INVALID, "eventId is missing"),
                rule("reservation-created without seatId", ReservationCreated.class,
                        Examples.edited(Examples.RESERVATION_CREATED, n -> n.put("seatId", "")),
                        Rejection.INVALID, "seatId is missing"),
                rule("reservation-created without customerId", ReservationCreated.class,
                        Examples.edited(Examples.RESERVATION_CREATED, n -> n.putNull("customerId")),
                        Rejection.INVALID, "customerId is missing"),
                rule("reservation-expired without reservationId", ReservationExpired.class,
                        Examples.edited(Examples.RESERVATION_EXPIRED, n -> n.remove("reservationId")),
                        Rejection.INVALID, "reservationId is missing"),
                rule("reservation-expired without seatId", ReservationExpired.class,
                        Examples.edited(Examples.RESERVATION_EXPIRED, n -> n.remove("seatId")),
                        Rejection.INVALID, "seatId is missing"),
                rule("payment-succeeded without paymentId", PaymentSucceeded.class,
                        Examples.edited(Examples.PAYMENT_SUCCEEDED, n -> n.remove("paymentId")),
                        Rejection.INVALID, "paymentId is missing"),
                rule("payment-succeeded without orderId", PaymentSucceeded.class,
                        Examples.edited(Examples.PAYMENT_SUCCEEDED, n -> n.remove("orderId")),
                        Rejection.INVALID, "orderId is missing"),
                rule("payment-succeeded without reservationId", PaymentSucceeded.class,
                        Examples.edited(Examples.PAYMENT_SUCCEEDED, n -> n.remove("reservationId")),
                        Rejection.INVALID, "reservationId is missing"),
                rule("payment-failed without reservationId", PaymentFailed.class,
                        Examples.edited(Examples.PAYMENT_FAILED, n -> n.remove("reservationId")),
                        Rejection.INVALID, "reservationId is missing"),
                rule("payment-failed without paymentId", PaymentFailed.class,
                        Examples.edited(Examples.PAYMENT_FAILED, n -> n.put("paymentId", "")),
                        Rejection.INVALID, "paymentId is missing"),
                // an id that could not be a key or a URL path segment
                rule("seatId with a key separator", ReservationCreated.class,
                        Examples.edited(Examples.RESERVATION_CREATED, n -> n.put("seatId", "show|seat")),
                        Rejection.INVALID, "seatId may contain only"),
                rule("reservationId with a slash", PaymentSucceeded.class,
                        Examples.edited(Examples.PAYMENT_SUCCEEDED, n -> n.put("reservationId", "../../etc")),
                        Rejection.INVALID, "reservationId may contain only"),
                rule("orderId longer than 128", PaymentSucceeded.class,
                        Examples.edited(Examples.PAYMENT_SUCCEEDED, n -> n.put("orderId", "o".repeat(129))),
                        Rejection.INVALID, "orderId is longer than 128"),
                // a section becomes part of the show-summary key eventId|section|status
                rule("section with the key separator", ReservationCreated.class,
                        Examples.edited(Examples.RESERVATION_CREATED, n -> n.put("section", "VIP|HELD")),
                        Rejection.INVALID, "section 'VIP|HELD' may not contain '|'"),
                rule("section missing", ReservationCreated.class,
                        Examples.edited(Examples.RESERVATION_CREATED, n -> n.remove("section")),
                        Rejection.INVALID, "section is missing"),
                rule("section with a newline", ReservationCreated.class,
                        Examples.edited(Examples.RESERVATION_CREATED, n -> n.put("section", "VIP\nB")),
                        Rejection.INVALID, "contains control characters"),
                // wrong status for the topic
                rule("reservation-created with status expired", ReservationCreated.class,
                        Examples.edited(Examples.RESERVATION_CREATED, n -> n.put("status", "expired")),
                        Rejection.INVALID, "status is 'expired' but this topic carries only 'active'"),
                rule("reservation-expired with status active", ReservationExpired.class,
                        Examples.edited(Examples.RESERVATION_EXPIRED, n -> n.put("status", "active")),
                        Rejection.INVALID, "status is 'active' but this topic carries only 'expired'"),
                rule("payment-succeeded with status failed", PaymentSucceeded.class,
                        Examples.bytes(Examples.PAYMENT_FAILED),
                        Rejection.INVALID, "status is 'failed' but this topic carries only 'succeeded'"),
                rule("payment-failed with status succeeded", PaymentFailed.class,
                        Examples.bytes(Examples.PAYMENT_SUCCEEDED),
                        Rejection.INVALID, "status is 'succeeded' but this topic carries only 'failed'"),
                rule("payment-succeeded without status", PaymentSucceeded.class,
                        Examples.edited(Examples.PAYMENT_SUCCEEDED, n -> n.remove("status")),
                        Rejection.INVALID, "this topic carries only 'succeeded'"),
                // negative amounts
                rule("payment-succeeded with a negative amount", PaymentSucceeded.class,
                        Examples.edited(Examples.PAYMENT_SUCCEEDED, n -> n.put("amount", new java.math.BigDecimal("-50.00"))),
                        Rejection.INVALID, "amount is negative (-50"),
                rule("payment-failed with a negative amount", PaymentFailed.class,
                        Examples.edited(Examples.PAYMENT_FAILED, n -> n.put("amount", -1)),
                        Rejection.INVALID, "amount is negative (-1)"),
                rule("reservation-created with a negative basePrice", ReservationCreated.class,
                        Examples.edited(Examples.RESERVATION_CREATED, n -> n.put("basePrice", -0.01)),
                        Rejection.INVALID, "basePrice is negative (-0.01)"),
                rule("payment-succeeded without an amount", PaymentSucceeded.class,
                        Examples.edited(Examples.PAYMENT_SUCCEEDED, n -> n.remove("amount")),
                        Rejection.INVALID, "amount is missing"),
                rule("payment-succeeded with an absurd amount", PaymentSucceeded.class,
                        "{\"paymentId\":\"p\",\"orderId\":\"o\",\"customerId\":\"c\",\"reservationId\":\"r\","
                                + "\"amount\":1e999999999,\"currency\":\"USD\",\"processedAt\":\"2026-03-04T20:35:00Z\","
                                + "\"status\":\"succeeded\"}",
                        Rejection.INVALID, "amount"),
                // currency not 3 letters
                rule("currency of 2 letters", PaymentSucceeded.class,
                        Examples.edited(Examples.PAYMENT_SUCCEEDED, n -> n.put("currency", "US")),
                        Rejection.INVALID, "currency 'US' is not a 3-letter"),
                rule("currency of 4 letters", PaymentFailed.class,
                        Examples.edited(Examples.PAYMENT_FAILED, n -> n.put("currency", "USDT")),
                        Rejection.INVALID, "currency 'USDT' is not a 3-letter"),
                rule("currency in lower case", PaymentSucceeded.class,
                        Examples.edited(Examples.PAYMENT_SUCCEEDED, n -> n.put("currency", "usd")),
                        Rejection.INVALID, "currency 'usd' is not a 3-letter"),
                rule("currency of digits", PaymentSucceeded.class,
                        Examples.edited(Examples.PAYMENT_SUCCEEDED, n -> n.put("currency", "840")),
                        Rejection.INVALID, "currency '840' is not a 3-letter"),
                rule("currency missing", PaymentSucceeded.class,
                        Examples.edited(Examples.PAYMENT_SUCCEEDED, n -> n.remove("currency")),
                        Rejection.INVALID, "currency"),
                // expiresAt before createdAt
                rule("reservation-created expiring before it was created", ReservationCreated.class,
                        Examples.edited(Examples.RESERVATION_CREATED, n -> n.put("expiresAt", "2026-03-04T20:29:59Z")),
                        Rejection.INVALID, "expiresAt (2026-03-04T20:29:59Z) is before createdAt (2026-03-04T20:30:00Z)"),
                rule("reservation-expired expiring before it was created", ReservationExpired.class,
                        Examples.edited(Examples.RESERVATION_EXPIRED, n -> n.put("expiresAt", "2026-03-04T19:00:00Z")),
                        Rejection.INVALID, "expiresAt (2026-03-04T19:00:00Z) is before createdAt"),
                rule("reservation-created without expiresAt", ReservationCreated.class,
                        Examples.edited(Examples.RESERVATION_CREATED, n -> n.remove("expiresAt")),
                        Rejection.INVALID, "expiresAt is missing"),
                // unsupported major schemaVersion
                rule("schemaVersion 2.0", PaymentSucceeded.class,
                        Examples.edited(Examples.PAYMENT_SUCCEEDED, n -> n.put("schemaVersion", "2.0")),
                        Rejection.INVALID, "schemaVersion 2.0 has major version 2"),
                rule("schemaVersion 0.9", ReservationCreated.class,
                        Examples.edited(Examples.RESERVATION_CREATED, n -> n.put("schemaVersion", "0.9")),
                        Rejection.INVALID, "major version 0"),
                rule("schemaVersion not major.minor", ReservationExpired.class,
                        Examples.edited(Examples.RESERVATION_EXPIRED, n -> n.put("schemaVersion", "v1")),
                        Rejection.INVALID, "schemaVersion 'v1' is not of the form <major>.<minor>"),
                // not JSON, JSON of the wrong shape, JSON null, empty
                rule("not JSON", PaymentSucceeded.class, "payment ok", Rejection.UNPARSEABLE,
                        "not a valid PaymentSucceeded JSON document"),
                rule("truncated JSON", PaymentSucceeded.class, "{\"paymentId\":\"p", Rejection.UNPARSEABLE,
                        "not a valid PaymentSucceeded JSON document"),
                rule("two documents", PaymentSucceeded.class,
                        new String(Examples.bytes(Examples.PAYMENT_SUCCEEDED), StandardCharsets.UTF_8) + " {}",
                        Rejection.UNPARSEABLE, "not a valid PaymentSucceeded JSON document"),
                rule("a JSON array", ReservationCreated.class, "[1,2]", Rejection.UNPARSEABLE,
                        "not a valid ReservationCreated JSON document"),
                rule("a JSON string", ReservationCreated.class, "\"active\"", Rejection.UNPARSEABLE,
                        "not a valid ReservationCreated JSON document"),
                rule("a field of the wrong type", PaymentSucceeded.class,
                        Examples.edited(Examples.PAYMENT_SUCCEEDED, n -> n.putObject("amount").put("value", 50)),
                        Rejection.UNPARSEABLE, "not a valid PaymentSucceeded JSON document"),
                rule("JSON null", PaymentFailed.class, "null", Rejection.UNPARSEABLE, "the value is JSON null"),
                rule("empty value", PaymentFailed.class, "", Rejection.EMPTY, "empty"),
                rule("blank value", PaymentFailed.class, "  \n", Rejection.EMPTY, "empty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRecords")
    <T extends TicketingEvent> void brokenRecordIsRejectedWithAReadableReason(String rule, Class<T> type, byte[] value,
            Rejection kind, String reasonFragment) {
        ReadResult<T> result = new EventReader<>(type).read(value);

        assertThat(result).isInstanceOfSatisfying(ReadResult.Rejected.class, rejected -> {
            assertThat(rejected.kind()).isEqualTo(kind);
            assertThat(rejected.reason()).contains(reasonFragment);
            assertThat(rejected.reason()).as("readable: one line, no stack trace").doesNotContain("\n\tat ");
        });
    }

    @Test
    void aTombstoneIsRejectedAsEmpty() {
        ReadResult<ReservationCreated> result = new EventReader<>(ReservationCreated.class).read(null);

        assertThat(result).isEqualTo(new ReadResult.Rejected<ReservationCreated>(Rejection.EMPTY,
                "the record has no value (null or tombstone)"));
    }

    @Test
    void anOversizeValueIsRefusedBeforeItIsParsed() {
        byte[] big = Examples.edited(Examples.PAYMENT_SUCCEEDED,
                n -> n.put("padding", "x".repeat(EventReader.DEFAULT_MAX_BYTES)));

        ReadResult<PaymentSucceeded> result = new EventReader<>(PaymentSucceeded.class).read(big);

        assertThat(result).isInstanceOfSatisfying(ReadResult.Rejected.class, r -> {
            assertThat(r.kind()).isEqualTo(Rejection.OVERSIZE);
            assertThat(r.reason()).isEqualTo("the value is " + big.length + " bytes; the limit is 65536");
        });
    }

    @Test
    void theSizeLimitIsConfigurable() {
        byte[] example = Examples.bytes(Examples.PAYMENT_SUCCEEDED);

        assertThat(new EventReader<>(PaymentSucceeded.class, example.length).read(example))
                .isInstanceOf(ReadResult.Accepted.class);
        assertThat(new EventReader<>(PaymentSucceeded.class, example.length - 1).read(example))
                .isInstanceOfSatisfying(ReadResult.Rejected.class, r -> assertThat(r.kind()).isEqualTo(Rejection.OVERSIZE));
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() {
        byte[] json = Examples.edited(Examples.PAYMENT_SUCCEEDED, n -> {
            n.remove("paymentId");
            n.put("currency", "dollars");
            n.put("amount", -5);
            n.put("status", "pending");
        });

        ReadResult<PaymentSucceeded> result = new EventReader<>(PaymentSucceeded.class).read(json);

        assertThat(result).isInstanceOfSatisfying(ReadResult.Rejected.class, r -> assertThat(r.reason())
                .contains("paymentId is missing", "amount is negative (-5)", "currency 'dollars'",
                        "status is 'pending'"));
    }

    @Test
    void zeroIsAnAmount() {
        byte[] json = Examples.edited(Examples.PAYMENT_SUCCEEDED, n -> n.put("amount", java.math.BigDecimal.ZERO));

        assertThat(new EventReader<>(PaymentSucceeded.class).read(json)).isInstanceOf(ReadResult.Accepted.class);
    }

    private static Arguments rule(String name, Class<?> type, byte[] value, Rejection kind, String reason) {
        return arguments(name, type, value, kind, reason);
    }

    private static Arguments rule(String name, Class<?> type, String value, Rejection kind, String reason) {
        return rule(name, type, value.getBytes(StandardCharsets.UTF_8), kind, reason);
    }
}
