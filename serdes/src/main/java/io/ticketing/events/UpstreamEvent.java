package io.ticketing.events;

/**
 * An event this service consumes from the upstream services. Each names the reservation it is
 * about, and that is its key here whatever key upstream gave it (CONTRACT §1).
 */
public interface UpstreamEvent extends TicketingEvent {

    String reservationId();
}
