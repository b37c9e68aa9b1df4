package io.ticketing.topology.internal;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.ticketing.events.TicketIssued;
import io.ticketing.topology.view.OrderView;
import io.ticketing.topology.view.ReservationView;

/**
 * A change to one query view, carried by the repartition topics {@code view-updates} and
 * {@code pending-order-updates}, keyed by the key the view is queried by (so the instance that holds
 * the key is the one {@code queryMetadataForKey} names).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ViewUpdate.ReservationChanged.class, name = "reservation"),
        @JsonSubTypes.Type(value = ViewUpdate.OrderChanged.class, name = "order"),
        @JsonSubTypes.Type(value = ViewUpdate.TicketChanged.class, name = "ticket"),
        @JsonSubTypes.Type(value = ViewUpdate.TicketNumbered.class, name = "ticket-number"),
        @JsonSubTypes.Type(value = ViewUpdate.CustomerTicket.class, name = "customer-ticket")})
public sealed interface ViewUpdate {

    /** The key of the view entry, and of the record carrying this update. */
    String key();

    record ReservationChanged(ReservationView view) implements ViewUpdate {
        @Override
        public String key() {
            return view.reservationId();
        }
    }

    record OrderChanged(OrderView view) implements ViewUpdate {
        @Override
        public String key() {
            return view.orderId();
        }
    }

    record TicketChanged(TicketIssued ticket) implements ViewUpdate {
        @Override
        public String key() {
            return ticket.ticketId();
        }
    }

    record TicketNumbered(String ticketNumber, String ticketId) implements ViewUpdate {
        @Override
        public String key() {
            return ticketNumber;
        }
    }

    record CustomerTicket(TicketIssued ticket) implements ViewUpdate {
        @Override
        public String key() {
            return ticket.customerId();
        }
    }
}
