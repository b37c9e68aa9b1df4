package io.ticketing.events;

import java.time.Instant;

/**
 * A ticket for a sold seat. {@code ticketId}, {@code ticketNumber} and {@code qrCode} are derived
 * deterministically from the reservation, so processing the same input twice yields the same ticket.
 */
public record TicketIssued(
        String schemaVersion,
        String ticketId,
        String ticketNumber,
        String orderId,
        String paymentId,
        String customerId,
        String eventId,
        String seatId,
        String seatNumber,
        String section,
        String pdfPath,
        String qrCode,
        Instant issuedAt,
        String status) implements TicketingEvent {

    public static final String STATUS = "generated";

    @Override
    public String expectedStatus() {
        return STATUS;
    }
}
