package io.ticketing.serdes;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.events.ReservationCreated;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The internal format (state stores, repartition and view topics): Smile, instants as epoch decimals. */
class InternalFormatTest {

    private static final Instant CREATED = Instant.parse("2026-03-04T20:30:00.123456789Z");
    private static final Instant EXPIRES = Instant.parse("1969-12-31T23:59:58.5Z"); // before the epoch: floor, not truncate

    private final ReservationCreated event = new ReservationCreated("1.0", "show-1", "r1", "c1", "s1", "A12",
            "VIP", new BigDecimal("150.00"), CREATED, EXPIRES, ReservationCreated.STATUS);

    @Test
    void internalValuesAreSmileAndReadBackExactlyInstantsIncluded() throws Exception {
        JsonSerde<ReservationCreated> internal = JsonSerde.internal(ReservationCreated.class);
        byte[] bytes = internal.serialize("t", event);

        assertThat(new String(bytes, 0, 3, StandardCharsets.ISO_8859_1)).isEqualTo(":)\n"); // Smile's header
        assertThat(bytes.length).isLessThan(JsonSerde.of(ReservationCreated.class).serialize("t", event).length);
        assertThat(internal.deserialize("t", bytes)).isEqualTo(event);
        // Instants as epoch decimals (before the epoch: floored, not truncated), not ISO text.
        JsonNode tree = Json.internalMapper().readTree(bytes);
        assertThat(tree.get("createdAt").decimalValue()).isEqualByComparingTo("1772656200.123456789");
        assertThat(tree.get("expiresAt").decimalValue()).isEqualByComparingTo("-1.5");
    }

    @Test
    void storedValuesEvolveAsJsonDoes() throws Exception {
        // A field added later reads as absent from a value written before it; a field since removed is ignored.
        ObjectNode older = (ObjectNode) Json.internalMapper().readTree(JsonSerde.internal(ReservationCreated.class)
                .serialize("t", event));
        older.remove("currency");
        older.put("removedLongAgo", 42);
        byte[] bytes = Json.internalMapper().writeValueAsBytes(older);
        // (a JSON tree drops the price's trailing zeros on the way; the value is the same)
        assertThat(JsonSerde.internal(ReservationCreated.class).deserialize("t", bytes)).usingRecursiveComparison()
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(event);
    }

    @Test
    void theWireFormatStillRefusesNumbers() {
        byte[] internal = JsonSerde.internal(ReservationCreated.class).serialize("t", event);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> JsonSerde.of(ReservationCreated.class).deserialize("t", internal))
                .isInstanceOf(org.apache.kafka.common.errors.SerializationException.class);
    }
}
