package io.ticketing.events;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Inventory holds a seat for a customer until {@code expiresAt}. Note that {@code eventId} is the
 * show (concert, match) the seat belongs to, not a message id: the seed's naming, kept as-is.
 * {@code currency} is optional (upstream may add it; the seed has none): when present, a payment must be
 * in it.
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
        String status,
        String currency) implements UpstreamEvent {

    public static final String STATUS = "active";

    /**
     * The seed's reservation, which names no currency: a payment for it is then checked against
     * {@code basePrice} only (CONTRACT §3, {@code amount-mismatch}).
     */
    public ReservationCreated(String schemaVersion, String eventId, String reservationId, String customerId,
            String seatId, String seatNumber, String section, BigDecimal basePrice, Instant createdAt,
            Instant expiresAt, String status) {
        this(schemaVersion, eventId, reservationId, customerId, seatId, seatNumber, section, basePrice, createdAt,
                expiresAt, status, null);
    }

    @Override
    public String expectedStatus() {
        return STATUS;
    }
}
