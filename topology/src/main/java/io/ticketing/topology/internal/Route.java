package io.ticketing.topology.internal;

import java.time.Instant;
import java.util.List;

/**
 * What the router knows of a reservation it has seen created (store {@code reservation-routes}, key
 * reservationId): where its seat lives, which commands it already resolved as orphans before the
 * reservation came (payments refunded, failures and expiries dropped), so that a redelivered copy of
 * one is never applied as well (I3, and CONTRACT §3 "the same event again"), and whether a payment was
 * ever sent on for it.
 *
 * @param paid          a payment-succeeded was sent to the seat: the route is then kept past the
 *                      retention period, so that a copy of that payment, however late, still reaches
 *                      the seat that answered it instead of being refunded as unknown while it bought a
 *                      ticket (I3)
 * @param finalAtMillis wall-clock millis from which the arbiter's decision on it is final
 *                      ({@code expiresAt} + grace, or when it was created if that was later); an unpaid
 *                      route is purged a retention period after it. 0 in routes written before this
 *                      field existed: {@code expiresAt} + grace then
 */
public record Route(String seatId, String eventId, Instant expiresAt, List<String> resolvedOrphans, boolean paid,
                    long finalAtMillis) {

    public Route {
        resolvedOrphans = resolvedOrphans == null ? List.of() : List.copyOf(resolvedOrphans);
    }

    public Route withPaid() {
        return paid ? this : new Route(seatId, eventId, expiresAt, resolvedOrphans, true, finalAtMillis);
    }
}
