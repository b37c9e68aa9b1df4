package io.ticketing.topology.internal;

/**
 * Where the decoder sends a valid command, given what the global {@code route-index} says of its
 * reservation (null: nothing yet). A pure function: the index is only ever a shortcut, never the
 * authority. Whatever it says, stale or missing, the outcome is the same as if every command went
 * through the router (docs/design.md, "Routing"):
 * <ul>
 *   <li>a reservation-created goes to its own seat unless a route exists (then the router absorbs it:
 *       the same reservation again, or one for another seat that must not hold a second one);</li>
 *   <li>any other command goes to its reservation's seat when the route is known, is absorbed when the
 *       route says it was resolved as an orphan before the reservation came, and otherwise waits in the
 *       router until the reservation's seat has read its reservation-created.</li>
 * </ul>
 */
public final class CommandRouting {

    public sealed interface Destination {
    }

    /** Key seatId, to {@code seat-commands}. */
    public record ToSeat(String seatId) implements Destination {
    }

    /** Key reservationId, to {@code reservation-commands}. */
    public record ToRouter() implements Destination {
    }

    /** Already answered: nothing to send. */
    public record Absorbed() implements Destination {
    }

    private static final Destination TO_ROUTER = new ToRouter();
    private static final Destination ABSORBED = new Absorbed();

    private CommandRouting() {
    }

    public static Destination decide(Command command, Route route) {
        if (command instanceof Command.Stock stock) {
            return new ToSeat(stock.event().seatId());
        }
        if (command instanceof Command.Create create) {
            return route == null ? new ToSeat(create.event().seatId()) : TO_ROUTER;
        }
        if (route == null) {
            return TO_ROUTER;
        }
        return route.resolved(command) ? ABSORBED : new ToSeat(route.seatId());
    }
}
