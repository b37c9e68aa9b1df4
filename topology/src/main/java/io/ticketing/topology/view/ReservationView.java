package io.ticketing.topology.view;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A reservation as the HTTP layer shows it (store {@code reservations}, key reservationId).
 * Payment fields are those of the payment that decided it, when one did.
 */
public record ReservationView(
        String reservationId,
        String eventId,
        String customerId,
        String seatId,
        String seatNumber,
        String section,
        BigDecimal basePrice,
        ReservationStatus status,
        Instant createdAt,
        Instant expiresAt,
        String paymentId,
        String orderId,
        String ticketId,
        Instant updatedAt) {
}
