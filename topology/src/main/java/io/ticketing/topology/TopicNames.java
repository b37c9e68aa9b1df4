package io.ticketing.topology;

import java.util.List;

/**
 * The topics the topology reads and writes. Defaults are the platform's names (CONTRACT §1), and
 * for the topics only this service reads, names that start with the application id, like Kafka
 * Streams' own internal topics (two deployments with different ids never share them).
 *
 * @param reservationViews the reservation views, key reservationId; compacted; the changelog of the
 *                         query store {@link StoreNames#RESERVATIONS}
 * @param ticketViews      the tickets, key ticketId; compacted; changelog of {@link StoreNames#TICKETS}
 * @param customerTickets  the tickets again, key {@code customerId|ticketId}, partitioned by customerId;
 *                         compacted; changelog of {@link StoreNames#CUSTOMER_TICKETS}
 */
public record TopicNames(
        String reservationCreated,
        String reservationExpired,
        String paymentSucceeded,
        String paymentFailed,
        String ticketIssued,
        String refundRequested,
        String deadLetter,
        String reservationViews,
        String ticketViews,
        String customerTickets) {

    /** The defaults of an app whose application id is {@code ticketing}. */
    public static TopicNames defaults() {
        return defaults("ticketing");
    }

    public static TopicNames defaults(String applicationId) {
        return new TopicNames(
                "reservation-created",
                "reservation-expired",
                "payment-succeeded",
                "payment-failed",
                "ticket-issued",
                "refund-requested",
                "ticketing-dlt",
                applicationId + "-reservation-views",
                applicationId + "-ticket-views",
                applicationId + "-customer-tickets");
    }

    /** Read from upstream. {@code reservation-expired} is also written by this app (its own TTL). */
    public List<String> inputs() {
        return List.of(reservationCreated, reservationExpired, paymentSucceeded, paymentFailed);
    }

    /** Written by this app for others, created at start-up if missing. */
    public List<String> outputs() {
        return List.of(ticketIssued, refundRequested, deadLetter);
    }

    /**
     * Written and read back by this app: the query views' topics, each the changelog of its store.
     * Created at start-up if missing, compacted (a view is its latest value per key).
     */
    public List<String> views() {
        return List.of(reservationViews, ticketViews, customerTickets);
    }
}
