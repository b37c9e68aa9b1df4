package io.ticketing.serdes;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.events.PaymentSucceeded;
import io.ticketing.events.ReservationCreated;
import io.ticketing.events.SchemaVersion;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CONTRACT §2: a tolerant reader of every 1.x, and a refusal of other majors. */
class SchemaVersionAndToleranceTest {

    private final EventReader<ReservationCreated> reader = new EventReader<>(ReservationCreated.class);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1.0", "1.3", "1.10", "1.9999"})
    void everyMinorOfMajorOneIsAccepted(String version) {
        ReadResult<ReservationCreated> result =
                reader.read(Examples.edited(Examples.RESERVATION_CREATED, n -> n.put("schemaVersion", version)));

        assertThat(result).isInstanceOfSatisfying(ReadResult.Accepted.class,
                a -> assertThat(((ReservationCreated) a.event()).schemaVersion()).isEqualTo(version));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2.0", "0.1", "3.7", "10.0"})
    void otherMajorsAreRefused(String version) {
        ReadResult<ReservationCreated> result =
                reader.read(Examples.edited(Examples.RESERVATION_CREATED, n -> n.put("schemaVersion", version)));

        assertThat(result).isInstanceOfSatisfying(ReadResult.Rejected.class, r -> {
            assertThat(r.kind()).isEqualTo(Rejection.INVALID);
            assertThat(r.reason()).contains("schemaVersion " + version).contains("reads major version 1 only");
        });
    }

    @Test
    void aMissingVersionMeansOnePointZero() {
        assertThat(SchemaVersion.problemWith(null)).isEmpty();
        assertThat(reader.read(Examples.bytes(Examples.RESERVATION_CREATED))).isInstanceOf(ReadResult.Accepted.class);
    }

    @Test
    void unknownFieldsOfAnyShapeAreIgnored() {
        // inserted as text, so the example's own bytes (50.00) are untouched
        String extra = "\"schemaVersion\": \"1.3\", \"loyaltyPoints\": 120, \"couponCode\": \"SPRING\","
                + " \"giftMessage\": null, \"splits\": [{\"amount\": 25.00, \"deep\": [1, true, {\"x\": [[[]]]}]}],"
                + " \"billing\": {\"address\": {\"country\": \"NL\"}}, \"processedAtLocal\": \"20:35\",";
        byte[] json = Examples.text(Examples.PAYMENT_SUCCEEDED).replaceFirst("\\{", "{" + extra)
                .getBytes(StandardCharsets.UTF_8);

        ReadResult<PaymentSucceeded> result = new EventReader<>(PaymentSucceeded.class).read(json);

        PaymentSucceeded plain = ((ReadResult.Accepted<PaymentSucceeded>)
                new EventReader<>(PaymentSucceeded.class).read(Examples.bytes(Examples.PAYMENT_SUCCEEDED))).event();
        assertThat(result).isInstanceOfSatisfying(ReadResult.Accepted.class, a -> assertThat(a.event())
                .usingRecursiveComparison().ignoringFields("schemaVersion").isEqualTo(plain));
    }

    @Test
    void unknownFieldsAreNotWrittenBack() {
        byte[] json = Examples.edited(Examples.PAYMENT_SUCCEEDED, n -> n.put("loyaltyPoints", 120));
        PaymentSucceeded event = ((ReadResult.Accepted<PaymentSucceeded>)
                new EventReader<>(PaymentSucceeded.class).read(json)).event();

        String written = new String(JsonSerde.of(PaymentSucceeded.class).serialize("t", event), StandardCharsets.UTF_8);

        assertThat(written).doesNotContain("loyaltyPoints");
    }

    @Test
    void theFieldNamesAreTheSeedsCamelCaseExactly() {
        byte[] snake = Examples.text(Examples.PAYMENT_SUCCEEDED).replace("\"reservationId\"", "\"reservation_id\"")
                .getBytes(StandardCharsets.UTF_8);

        ReadResult<PaymentSucceeded> result = new EventReader<>(PaymentSucceeded.class).read(snake);

        assertThat(result).isInstanceOfSatisfying(ReadResult.Rejected.class,
                r -> assertThat(r.reason()).contains("reservationId is missing"));
    }
}
