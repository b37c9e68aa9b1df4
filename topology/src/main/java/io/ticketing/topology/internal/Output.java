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

    /** The branch of the split this output takes (named {@code <processor>-<kind>} in the topology). */
    String kind();

    /** key seatId → {@code seat-commands}. */
    record ToSeat(Command command) implements Output {
        @Override
        public String kind() {
            return "seat-commands";
        }
    }

    /** key orderId → ticket-issued. */
    record Ticket(TicketIssued ticket) implements Output {
        @Override
        public String kind() {
            return "tickets";
        }
    }

    /** key orderId → refund-requested. */
    record Refund(RefundRequested refund) implements Output {
        @Override
        public String kind() {
            return "refunds";
        }
    }

    /** key reservationId → reservation-expired: the app expired it itself. */
    record Expired(ReservationExpired expired) implements Output {
        @Override
        public String kind() {
            return "expired";
        }
    }

    /** key orderId → the order views, folded there ({@code order-updates}, {@code pending-order-updates}). */
    record Order(OrderView update) implements Output {
        @Override
        public String kind() {
            return "orders";
        }
    }

    /** key reservationId → the reservation views topic; a null view purges it. */
    record Reservation(ReservationView view) implements Output {
        @Override
        public String kind() {
            return "reservations";
        }
    }

    /** key ticketId → the ticket views topic. */
    record TicketView(TicketIssued ticket) implements Output {
        @Override
        public String kind() {
            return "ticket-views";
        }
    }

    /** key {@code customerId|ticketId} → the customer tickets topic. */
    record CustomerTicket(TicketIssued ticket) implements Output {
        @Override
        public String kind() {
            return "customer-tickets";
        }
    }
}
