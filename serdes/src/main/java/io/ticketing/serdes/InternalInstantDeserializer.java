package io.ticketing.serdes;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Reads the instants of {@link Json#internalMapper()}: decimal epoch seconds with up to nine
 * fraction digits, as it writes them, or ISO-8601 text, as state and repartition records written
 * before the internal format existed hold them.
 */
final class InternalInstantDeserializer extends StdScalarDeserializer<Instant> {

    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);
    private final IsoInstantDeserializer iso = new IsoInstantDeserializer();

    InternalInstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.hasToken(JsonToken.VALUE_NUMBER_INT)) {
            return Instant.ofEpochSecond(p.getLongValue());
        }
        if (p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
            BigDecimal seconds = p.getDecimalValue();
            long whole = seconds.setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
            long nanos = seconds.subtract(BigDecimal.valueOf(whole)).multiply(NANOS_PER_SECOND).longValue();
            return Instant.ofEpochSecond(whole, nanos);
        }
        return iso.deserialize(p, ctxt);
    }
}
