package io.ticketing.topology.internal;

import io.ticketing.events.RefundRequested;
import io.ticketing.events.ReservationExpired;
import io.ticketing.events.TicketIssued;
import io.ticketing.topology.view.OrderView;
import io.ticketing.topology.view.ReservationView;

/**
 * What the router and the arbiter forward, already keyed for its destination; the topology splits
 * the stream by type into the matching sink or repartition. Never serialized: it only lives between
 * a processor and the split that follows it in the same sub-topology.
 */
public sealed interface Output {

    /** key seatId → {@code seat-commands}. */
    record ToSeat(Command command) implements Output {
    }

    /** key orderId → ticket-issued. */
    record Ticket(TicketIssued ticket) implements Output {
    }

    /** key orderId → refund-requested. */
    record Refund(RefundRequested refund) implements Output {
    }

    /** key reservationId → reservation-expired: the app expired it itself. */
    record Expired(ReservationExpired expired) implements Output {
    }

    /** key orderId → the order views, folded there ({@code order-updates}, {@code pending-order-updates}). */
    record Order(OrderView update) implements Output {
    }

    /** key reservationId → the reservation views topic; a null view purges it. */
    record Reservation(ReservationView view) implements Output {
    }

    /** key ticketId → the ticket views topic. */
    record TicketView(TicketIssued ticket) implements Output {
    }

    /** key {@code customerId|ticketId} → the customer tickets topic. */
    record CustomerTicket(TicketIssued ticket) implements Output {
    }
}
