package io.ticketing.query;

/** The HTTP routes, as the access rules ({@link Access}) tell them apart. */
enum ApiRoute {
    HEALTH,
    METRICS,
    RESERVATION,
    ORDER,
    SEAT,
    CUSTOMER_TICKETS,
    TICKET_VERIFY,
    /** {@code /tickets/{ticketId}} and its {@code .pdf}. */
    TICKET,
    EVENT_SEATS,
    EVENT_SUMMARY,
    /** {@code /shows}: the shows known to the service. */
    SHOWS,
    /** {@code /ops/instances}: every instance's state, partitions, rates and lag. */
    OPS_VIEW,
    /** {@code /internal/*}: instance-to-instance forwarding. */
    INTERNAL
}
