package io.ticketing.serdes;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.events.PaymentSucceeded;
import io.ticketing.events.ReservationCreated;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** CONTRACT §2: timestamps in any ISO-8601 offset or fraction are accepted, and emitted in UTC with Z. */
class TimestampTest {

    private final EventReader<PaymentSucceeded> reader = new EventReader<>(PaymentSucceeded.class);
    private final JsonSerde<PaymentSucceeded> serde = JsonSerde.of(PaymentSucceeded.class);

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "2026-03-04T20:35:00Z,                  2026-03-04T20:35:00Z",
        "2026-03-04T20:35:00.000Z,              2026-03-04T20:35:00Z",
        "2026-03-04T20:35:00.5Z,                2026-03-04T20:35:00.500Z",
        "2026-03-04T20:35:00.123456789Z,        2026-03-04T20:35:00.123456789Z",
        "2026-03-04T22:35:00+02:00,             2026-03-04T20:35:00Z",
        "2026-03-04T15:35:00-05:00,             2026-03-04T20:35:00Z",
        "2026-03-05T02:05:00.250+05:30,         2026-03-04T20:35:00.250Z",
        "2026-03-04T20:35:00+00:00,             2026-03-04T20:35:00Z",
        "2026-03-04T20:35:00-00:00,             2026-03-04T20:35:00Z",
        "2026-03-04T22:35:00+0200,              2026-03-04T20:35:00Z",
        "2026-03-04T23:35:00.1234567+03:00,     2026-03-04T20:35:00.1234567Z",
    })
    void anyOffsetOrFractionIsReadAsTheSameInstant(String onTheWire, String utc) {
        PaymentSucceeded event = accepted(withProcessedAt(onTheWire));

        assertThat(event.processedAt()).isEqualTo(Instant.parse(utc));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2026-03-04T22:35:00+02:00", "2026-03-04T20:35:00.123-07:00", "2026-03-04T20:35:00Z"})
    void timesAreEmittedInUtcWithZ(String onTheWire) {
        PaymentSucceeded event = accepted(withProcessedAt(onTheWire));

        String written = new String(serde.serialize("t", event), StandardCharsets.UTF_8);
        String processedAt = written.replaceAll(".*\"processedAt\":\"([^\"]*)\".*", "$1");

        assertThat(processedAt).endsWith("Z").doesNotContain("+");
        assertThat(Instant.parse(processedAt)).isEqualTo(event.processedAt());
        assertThat(serde.deserialize("t", serde.serialize("t", event))).isEqualTo(event);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"yesterday", "2026-13-04T20:35:00Z", "2026-03-04 20:35", "2026-03-04T25:00:00Z", "",
        // no offset: whose 20:35? refused rather than guessed
        "2026-03-04T20:35:00", "2026-03-04"})
    void aTimeThatIsNoTimeIsRejectedReadably(String onTheWire) {
        ReadResult<PaymentSucceeded> result = reader.read(withProcessedAt(onTheWire));

        assertThat(result).isInstanceOfSatisfying(ReadResult.Rejected.class,
                r -> assertThat(r.reason()).isNotBlank().containsIgnoringCase("processedAt"));
    }

    /** A bare number could be seconds or milliseconds since the epoch: refused rather than guessed. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1772656500", "1772656500000", "1.7726565E9", "true", "[]", "{}"})
    void aTimeThatIsNotAStringIsRejectedReadably(String json) {
        byte[] value = Examples.text(Examples.PAYMENT_SUCCEEDED)
                .replace("\"2026-03-04T20:35:00Z\"", json).getBytes(StandardCharsets.UTF_8);

        ReadResult<PaymentSucceeded> result = reader.read(value);

        assertThat(result).isInstanceOfSatisfying(ReadResult.Rejected.class, r -> {
            assertThat(r.kind()).isEqualTo(Rejection.UNPARSEABLE);
            assertThat(r.reason()).contains("at processedAt: ").contains("ISO-8601");
        });
    }

    @ParameterizedTest(name = "createdAt {0}, expiresAt {1}")
    @CsvSource({
        // the same instant in two offsets is not "before"
        "2026-03-04T20:30:00Z, 2026-03-04T22:30:00+02:00",
        "2026-03-04T20:30:00+01:00, 2026-03-04T19:45:00Z",
    })
    void expiryIsComparedAsInstantsNotAsText(String createdAt, String expiresAt) {
        byte[] json = Examples.edited(Examples.RESERVATION_CREATED, n -> {
            n.put("createdAt", createdAt);
            n.put("expiresAt", expiresAt);
        });

        assertThat(new EventReader<>(ReservationCreated.class).read(json)).isInstanceOf(ReadResult.Accepted.class);
    }

    private static byte[] withProcessedAt(String value) {
        return Examples.edited(Examples.PAYMENT_SUCCEEDED, n -> n.put("processedAt", value));
    }

    private PaymentSucceeded accepted(byte[] json) {
        ReadResult<PaymentSucceeded> result = reader.read(json);
        assertThat(result).isInstanceOf(ReadResult.Accepted.class);
        return ((ReadResult.Accepted<PaymentSucceeded>) result).event();
    }
}
