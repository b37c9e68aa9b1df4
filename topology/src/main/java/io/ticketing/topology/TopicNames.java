package io.ticketing.topology;

import java.util.List;

/** The topics the topology reads and writes. Defaults are the platform's names (CONTRACT §1). */
public record TopicNames(
        String reservationCreated,
        String reservationExpired,
        String paymentSucceeded,
        String paymentFailed,
        String ticketIssued,
        String refundRequested,
        String deadLetter) {

    public static TopicNames defaults() {
        return new TopicNames(
                "reservation-created",
                "reservation-expired",
                "payment-succeeded",
                "payment-failed",
                "ticket-issued",
                "refund-requested",
                "ticketing-dlt");
    }

    /** Read from upstream. {@code reservation-expired} is also written by this app (its own TTL). */
    public List<String> inputs() {
        return List.of(reservationCreated, reservationExpired, paymentSucceeded, paymentFailed);
    }

    /** Written by this app, created at start-up if missing. */
    public List<String> outputs() {
        return List.of(ticketIssued, refundRequested, deadLetter);
    }
}
