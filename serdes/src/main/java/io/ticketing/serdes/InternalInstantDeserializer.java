package io.ticketing.serdes;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.Instant;

/**
 * Reads the instants of {@link Json#internalMapper()}: decimal epoch seconds with up to nine
 * fraction digits, as it writes them (read by Jackson's own {@link InstantDeserializer}), or ISO-8601
 * text, as state and repartition records written before the internal format existed hold them (read
 * by {@link IsoInstantDeserializer}, the wire format's reader).
 */
final class InternalInstantDeserializer extends StdScalarDeserializer<Instant> {

    private final IsoInstantDeserializer iso = new IsoInstantDeserializer();

    InternalInstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return p.currentToken().isNumeric()
                ? InstantDeserializer.INSTANT.deserialize(p, ctxt)
                : iso.deserialize(p, ctxt);
    }
}
