package io.ticketing.serdes;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;

/**
 * Reads an ISO-8601 date-time with an offset ({@code Z}, {@code +02:00}, {@code +0200} or {@code +02};
 * any fraction up to nanoseconds) as an {@link Instant}. Refuses what is ambiguous: a time without an
 * offset (whose zone?) and a bare number (seconds or milliseconds?). Jackson's own reader accepts
 * numbers and refuses {@code +0200}, which real producers emit.
 */
final class IsoInstantDeserializer extends StdScalarDeserializer<Instant> {

    private static final DateTimeFormatter ISO_WITH_OFFSET = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            // lenient "+HH": minutes optional, colon optional (ISO basic and extended forms)
            .parseLenient()
            .appendOffset("+HH", "Z")
            .toFormatter();

    private static final String EXPECTED = "an ISO-8601 timestamp with an offset, e.g. 2026-03-04T20:30:00Z";

    IsoInstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.hasToken(JsonToken.VALUE_STRING)) {
            return (Instant) ctxt.handleUnexpectedToken(Instant.class, p.currentToken(), p,
                    "expected " + EXPECTED + ", found " + p.currentToken());
        }
        String text = p.getText().trim();
        try {
            return OffsetDateTime.parse(text, ISO_WITH_OFFSET).toInstant();
        } catch (DateTimeParseException e) {
            return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, "expected " + EXPECTED);
        }
    }
}
