package io.ticketing.topology.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Commands for a reservation not yet created (store {@code pending-commands}, key reservationId), in
 * arrival order, and the identities ({@link Command#identity()}) of those already resolved because their
 * reservation did not come in time: payments refunded, failures and expiries dropped. A later copy of a
 * resolved command is absorbed, not held again.
 *
 * @param resolvedAtMillis wall-clock millis of the latest orphan resolution: once nothing is held, the
 *                         record is forgotten a retention period after it
 */
public record PendingCommands(List<Held> held, List<String> resolvedOrphans, long resolvedAtMillis) {

    public static final PendingCommands EMPTY = new PendingCommands(List.of(), List.of(), 0L);

    public PendingCommands {
        held = held == null ? List.of() : List.copyOf(held);
        resolvedOrphans = resolvedOrphans == null ? List.of() : List.copyOf(resolvedOrphans);
    }

    /**
     * @param timestamp the record timestamp it arrived with (kept, so the ticket fields do not depend
     *                  on when its reservation showed up)
     * @param heldAt    wall-clock millis when it was put on hold (the orphan timeout counts from here)
     */
    public record Held(Command command, long timestamp, long heldAt) {
    }

    public boolean holds(String identity) {
        return held.stream().anyMatch(h -> h.command().identity().equals(identity));
    }

    public PendingCommands with(Held h) {
        List<Held> next = new ArrayList<>(held);
        next.add(h);
        return new PendingCommands(next, resolvedOrphans, resolvedAtMillis);
    }
}
