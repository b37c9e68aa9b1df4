package io.ticketing.topology.internal;

import java.util.List;

/**
 * Where a reservation's seat lives (store {@code reservation-routes}, key reservationId), written by the
 * router once the seat's arbiter holds state for it, and the identities ({@link Command#identity()}) of
 * the commands the router resolved as orphans before that (payments refunded, failures and expiries
 * dropped), so that a copy of one arriving later is absorbed instead of applied as well (I3, and CONTRACT
 * §3 "the same event again").
 *
 * <p>The store's changelog is also the source of the global {@code route-index} that every decoder reads
 * ({@link CommandRouting}): a route and the orphans it must absorb are one record, so no reader can see
 * the one without the other.
 */
public record Route(String seatId, List<String> resolvedOrphans) {

    public Route {
        resolvedOrphans = resolvedOrphans == null ? List.of() : List.copyOf(resolvedOrphans);
    }

    public boolean resolved(Command command) {
        return resolvedOrphans.contains(command.identity());
    }
}
