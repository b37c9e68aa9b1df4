package io.ticketing.serdes;

import io.ticketing.events.TicketingEvent;

/** The outcome of {@link EventReader#read}: an accepted event or a rejection with its reason. */
public sealed interface ReadResult<T extends TicketingEvent> {

    record Accepted<T extends TicketingEvent>(T event) implements ReadResult<T> {
    }

    record Rejected<T extends TicketingEvent>(Rejection kind, String reason) implements ReadResult<T> {
    }
}
