package io.ticketing.serdes;

import com.fasterxml.jackson.core.JacksonException;
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
        T event;
        try {
            event = reader.readValue(value);
        } catch (JacksonException e) {
            return new ReadResult.Rejected<>(Rejection.UNPARSEABLE,
                    "not a valid " + type.getSimpleName() + " JSON document: " + e.getOriginalMessage());
        } catch (IOException e) {
            return new ReadResult.Rejected<>(Rejection.UNPARSEABLE, "cannot read the value: " + e.getMessage());
        }
        if (event == null) {
            return new ReadResult.Rejected<>(Rejection.UNPARSEABLE, "the value is JSON null");
        }
        List<String> problems = EventValidator.problems(event);
        if (!problems.isEmpty()) {
            return new ReadResult.Rejected<>(Rejection.INVALID, String.join("; ", problems));
        }
        return new ReadResult.Accepted<>(event);
    }
}
