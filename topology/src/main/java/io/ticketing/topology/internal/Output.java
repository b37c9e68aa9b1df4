package io.ticketing.topology.internal;

import io.ticketing.events.RefundRequested;
import io.ticketing.events.ReservationExpired;
import io.ticketing.events.TicketIssued;

/**
 * What the router and the arbiter forward, already keyed for its destination; the topology splits
 * the stream by type into the matching sink or repartition. Never serialized: it only lives between
 * a processor and the split that follows it in the same sub-topology.
 */
public sealed interface Output {

    /** key seatId. */
    record ToSeat(Command command) implements Output {
    }

    /** key orderId. */
    record Ticket(TicketIssued ticket) implements Output {
    }

    /** key orderId. */
    record Refund(RefundRequested refund) implements Output {
    }

    /** key reservationId: the app expired it itself. */
    record Expired(ReservationExpired expired) implements Output {
    }

    /** key: the view's own key. */
    record View(ViewUpdate update) implements Output {
    }
}
