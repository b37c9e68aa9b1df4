package io.ticketing.topology;

/**
 * Every state store of the topology, by its stable name. The names are part of the deployed state
 * (changelog topics are derived from them): renaming one loses that store's state.
 *
 * <p>Query views (read by the HTTP layer through interactive queries), with their key and value:
 * <ul>
 *   <li>{@link #RESERVATIONS}: reservationId → {@code ReservationView}</li>
 *   <li>{@link #SEATS}: seatId → {@code SeatView}</li>
 *   <li>{@link #SEATS_BY_SHOW}: {@code eventId|seatId} → {@code SeatView}; partitioned by seatId, so a
 *       show's seats are spread over every instance: range-scan the prefix {@code eventId|} on each</li>
 *   <li>{@link #SHOW_SUMMARY}: {@code eventId|section|status} → Long count; a partial count per
 *       partition (partitioned by seatId): sum the entries of the prefix {@code eventId|} over all
 *       partitions of all instances</li>
 *   <li>{@link #ORDERS}: orderId → {@code OrderView}</li>
 *   <li>{@link #TICKETS}: ticketId → {@code TicketIssued}</li>
 *   <li>{@link #TICKETS_BY_NUMBER}: ticketNumber → ticketId</li>
 *   <li>{@link #CUSTOMER_TICKETS}: customerId → {@code CustomerTickets}</li>
 * </ul>
 * Key lookups route with {@code KafkaStreams#queryMetadataForKey(store, key, Serdes.String().serializer())}.
 */
public final class StoreNames {

    // --- query views ---
    public static final String RESERVATIONS = "reservations";
    public static final String SEATS = "seats";
    public static final String SEATS_BY_SHOW = "seats-by-show";
    public static final String SHOW_SUMMARY = "show-summary";
    public static final String ORDERS = "orders";
    public static final String TICKETS = "tickets";
    public static final String TICKETS_BY_NUMBER = "ticket-numbers";
    public static final String CUSTOMER_TICKETS = "customer-tickets";

    // --- internal state (not queried over HTTP) ---
    /** reservationId → where the reservation's seat lives, and the orphan payments refunded for it. */
    public static final String RESERVATION_ROUTES = "reservation-routes";
    /** reservationId → commands that arrived before their reservation-created, in arrival order. */
    public static final String PENDING_COMMANDS = "pending-commands";
    /** reservationId → the seat arbiter's state of the reservation (status, decided payments). */
    public static final String SEAT_RESERVATIONS = "seat-reservations";
    /** Due-time indexes, one per stateful processor (see {@code TimerIndex}). */
    public static final String ROUTER_TIMERS = "router-timers";
    public static final String SEAT_TIMERS = "seat-timers";
    public static final String VIEW_TIMERS = "view-timers";

    /** Separates the parts of composite keys; never valid inside an id (see {@code Ids}). */
    public static final String KEY_SEPARATOR = "|";

    private StoreNames() {
    }

    public static String showSeatKey(String eventId, String seatId) {
        return eventId + KEY_SEPARATOR + seatId;
    }

    public static String showSummaryKey(String eventId, String section, String status) {
        return eventId + KEY_SEPARATOR + section + KEY_SEPARATOR + status;
    }

    /** The prefix under which every entry of one show sits in {@link #SEATS_BY_SHOW} and {@link #SHOW_SUMMARY}. */
    public static String showPrefix(String eventId) {
        return eventId + KEY_SEPARATOR;
    }
}
