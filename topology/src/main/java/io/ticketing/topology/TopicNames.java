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
 * @param routeNotices     what the seats' arbiters tell the router (key reservationId); written and read
 *                         only by this app, partitioned like the inputs, created at start-up if missing
 * @param routes           the changelog Kafka Streams keeps for the router's store
 *                         {@link StoreNames#RESERVATION_ROUTES} ({@code <application.id>-reservation-routes-changelog}),
 *                         read by every instance into the global {@link StoreNames#ROUTE_INDEX}; not
 *                         configurable, since Kafka Streams names it
 * @param seatInventory    optional input: the seats of each show (key seatId; compacted), so never-reserved
 *                         seats are known and AVAILABLE; created at start-up if missing
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
        String customerTickets,
        String routeNotices,
        String routes,
        String seatInventory) {

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
                applicationId + "-customer-tickets",
                applicationId + "-route-notices",
                routesOf(applicationId),
                "seat-inventory");
    }

    /** The changelog of the router's routes, as Kafka Streams names it for {@code applicationId}. */
    public static String routesOf(String applicationId) {
        return applicationId + "-" + StoreNames.RESERVATION_ROUTES + "-changelog";
    }

    /** Read from upstream. {@code reservation-expired} is also written by this app (its own TTL). */
    public List<String> inputs() {
        return List.of(reservationCreated, reservationExpired, paymentSucceeded, paymentFailed);
    }

    /** What the decoder reads: the upstream inputs and the seat inventory. */
    public List<String> sources() {
        return List.of(reservationCreated, reservationExpired, paymentSucceeded, paymentFailed, seatInventory);
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
