package io.ticketing.events;

import java.time.Instant;

/** A reservation's hold ran out: published by Inventory, or by this app when it enforces the TTL. */
public record ReservationExpired(
        String schemaVersion,
        String reservationId,
        String seatId,
        String customerId,
        Instant createdAt,
        Instant expiresAt,
        Instant expiredAt,
        String status) implements UpstreamEvent {

    public static final String STATUS = "expired";

    @Override
    public String expectedStatus() {
        return STATUS;
    }
}
