package io.ticketing.topology.view;

import java.time.Instant;

/** A seat (store {@code seats}, key seatId; also {@code seats-by-show}, key {@code eventId|seatId}). */
public record SeatView(
        String seatId,
        String eventId,
        String seatNumber,
        String section,
        SeatStatus status,
        /** The reservation holding or owning the seat; null when AVAILABLE. */
        String reservationId,
        Instant updatedAt) {
}
