package io.ticketing.serdes;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.events.ReservationCreated;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The internal format (state stores, repartition topics): instants as epoch decimals, ISO still read. */
class InternalFormatTest {

    private static final Instant CREATED = Instant.parse("2026-03-04T20:30:00.123456789Z");
    private static final Instant EXPIRES = Instant.parse("1969-12-31T23:59:58.5Z"); // before the epoch: floor, not truncate

    private final ReservationCreated event = new ReservationCreated("1.0", "show-1", "r1", "c1", "s1", "A12",
            "VIP", new BigDecimal("150.00"), CREATED, EXPIRES, ReservationCreated.STATUS);

    @Test
    void instantsAreWrittenAsEpochDecimalsAndReadBackExactly() {
        JsonSerde<ReservationCreated> internal = JsonSerde.internal(ReservationCreated.class);
        byte[] bytes = internal.serialize("t", event);
        String json = new String(bytes, StandardCharsets.UTF_8);

        assertThat(json).contains("\"createdAt\":1772656200.123456789").contains("\"expiresAt\":-1.500000000");
        assertThat(internal.deserialize("t", bytes)).isEqualTo(event);
    }

    @Test
    void recordsWrittenInTheWireFormatStayReadable() {
        byte[] legacy = JsonSerde.of(ReservationCreated.class).serialize("t", event);
        assertThat(new String(legacy, StandardCharsets.UTF_8)).contains("\"createdAt\":\"2026-03-04T20:30:00.123456789Z\"");

        assertThat(JsonSerde.internal(ReservationCreated.class).deserialize("t", legacy)).isEqualTo(event);
    }

    @Test
    void theWireFormatStillRefusesNumbers() {
        byte[] internal = JsonSerde.internal(ReservationCreated.class).serialize("t", event);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> JsonSerde.of(ReservationCreated.class).deserialize("t", internal))
                .isInstanceOf(org.apache.kafka.common.errors.SerializationException.class);
    }
}
