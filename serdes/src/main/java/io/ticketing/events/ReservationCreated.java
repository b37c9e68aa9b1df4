package io.ticketing.events;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Inventory holds a seat for a customer until {@code expiresAt}. Note that {@code eventId} is the
 * show (concert, match) the seat belongs to, not a message id: the seed's naming, kept as-is.
 */
public record ReservationCreated(
        String schemaVersion,
        String eventId,
        String reservationId,
        String customerId,
        String seatId,
        String seatNumber,
        String section,
        BigDecimal basePrice,
        Instant createdAt,
        Instant expiresAt,
        String status) implements UpstreamEvent {

    public static final String STATUS = "active";

    @Override
    public String expectedStatus() {
        return STATUS;
    }
}
