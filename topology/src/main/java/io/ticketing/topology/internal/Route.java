package io.ticketing.topology.internal;

import java.time.Instant;
import java.util.List;

/**
 * What the router knows of a reservation it has seen created (store {@code reservation-routes}, key
 * reservationId): where its seat lives, and which of its payments it already refunded as orphans, so
 * that a redelivered copy of such a payment is never applied as well (I3).
 */
public record Route(String seatId, String eventId, Instant expiresAt, List<String> refundedPaymentIds) {

    public Route {
        refundedPaymentIds = refundedPaymentIds == null ? List.of() : List.copyOf(refundedPaymentIds);
    }
}
