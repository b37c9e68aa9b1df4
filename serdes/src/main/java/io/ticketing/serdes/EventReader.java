package io.ticketing.serdes;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import io.ticketing.events.TicketingEvent;
import java.io.IOException;
import java.util.List;

/**
 * Turns the raw bytes of an input record into a valid event or a readable rejection. Never throws
 * for bad input: a rejection is an ordinary outcome that the topology sends to the dead-letter topic.
 */
public final class EventReader<T extends TicketingEvent> {

    /** Larger values are refused before parsing; upstream events are a few hundred bytes. */
    public static final int DEFAULT_MAX_BYTES = 64 * 1024;

    private final Class<T> type;
    private final ObjectReader reader;
    private final int maxBytes;

    public EventReader(Class<T> type, int maxBytes) {
        this.type = type;
        this.reader = Json.mapper().readerFor(type);
        this.maxBytes = maxBytes;
    }

    public EventReader(Class<T> type) {
        this(type, DEFAULT_MAX_BYTES);
    }

    public Class<T> type() {
        return type;
    }

    public ReadResult<T> read(byte[] value) {
        if (value == null) {
            return new ReadResult.Rejected<>(Rejection.EMPTY, "the record has no value (null or tombstone)");
        }
        if (value.length > maxBytes) {
            return new ReadResult.Rejected<>(Rejection.OVERSIZE,
                    "the value is " + value.length + " bytes; the limit is " + maxBytes);
        }
        if (isBlank(value)) {
            return new ReadResult.Rejected<>(Rejection.EMPTY,
                    "the value is empty (" + value.length + " bytes, none but whitespace)");
        }
        T event;
        try {
            event = reader.readValue(value);
        } catch (JacksonException e) {
            return new ReadResult.Rejected<>(Rejection.UNPARSEABLE, Reasons.bounded(
                    "not a valid " + type.getSimpleName() + " JSON document: " + where(e) + e.getOriginalMessage()));
        } catch (IOException | RuntimeException e) {
            // Jackson reports bad input as JacksonException; anything else is a surprise from a library,
            // and still a property of this one record, not a reason to stop the partition.
            return new ReadResult.Rejected<>(Rejection.UNPARSEABLE,
                    Reasons.bounded("cannot read the value as " + type.getSimpleName() + ": " + e));
        }
        if (event == null) {
            return new ReadResult.Rejected<>(Rejection.UNPARSEABLE, "the value is JSON null");
        }
        List<String> problems = EventValidator.problems(event);
        if (!problems.isEmpty()) {
            return new ReadResult.Rejected<>(Rejection.INVALID, Reasons.bounded(String.join("; ", problems)));
        }
        return new ReadResult.Accepted<>(event);
    }

    /**
     * {@code "at amount: "} or {@code "at splits[0].amount: "} when Jackson knows the field, else the
     * position of a syntax error ({@code "at line 6, column 13: "}), else empty.
     */
    private static String where(JacksonException e) {
        if (!(e instanceof JsonMappingException withPath)) {
            JsonLocation location = e.getLocation();
            return location == null || location.getLineNr() < 0 ? ""
                    : "at line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : withPath.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "" : "at " + path + ": ";
    }

    private static boolean isBlank(byte[] value) {
        for (byte b : value) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
