package io.ticketing.events;

import java.math.BigDecimal;

/**
 * One seat of a show's inventory (the optional, compacted {@code seat-inventory} topic, key seatId):
 * it makes the seat known, AVAILABLE, before any reservation touches it. Its seat number on the map
 * and in the views is {@code row-number} ({@link #seatNumber()}), the shape of the platform's
 * {@code seatNumber} ("A-1-2": row "A-1", seat 2).
 *
 * @param status absent, or {@code listed}
 */
public record SeatListed(
        String schemaVersion,
        String seatId,
        String eventId,
        String section,
        String row,
        Integer number,
        BigDecimal price,
        String currency,
        String status) implements TicketingEvent {

    public static final String STATUS = "listed";

    @Override
    public String expectedStatus() {
        return STATUS;
    }

    /** The seat's number as the views show it: {@code row-number}. */
    public String seatNumber() {
        return row + "-" + number;
    }
}
