package io.ticketing.topology.view;

import io.ticketing.events.TicketIssued;
import java.util.List;

/** Every ticket of one customer (store {@code customer-tickets}, key customerId), oldest first. */
public record CustomerTickets(String customerId, List<TicketIssued> tickets) {
}
