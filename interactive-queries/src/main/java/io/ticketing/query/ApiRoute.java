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
    /** {@code /internal/*}: instance-to-instance forwarding. */
    INTERNAL
}
