package io.ticketing.events;

/** What every event on the platform's topics has in common. */
public interface TicketingEvent {

    /** The version this service writes; readers accept any {@code 1.x} (see {@link SchemaVersion}). */
    String CURRENT_SCHEMA_VERSION = "1.0";

    /** {@code "1.x"}, or null when the producer did not say (which means {@code 1.0}). */
    String schemaVersion();

    /** The {@code status} field as it appears on the wire. */
    String status();

    /** The only {@code status} value this event type may carry on its topic. */
    String expectedStatus();
}
