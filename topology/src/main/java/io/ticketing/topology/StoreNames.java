package io.ticketing.topology;

/**
 * Every state store of the topology, by its stable name. The names are part of the deployed state
 * (changelog topics are derived from them): renaming one loses that store's state, so a store whose
 * contents change meaning gets a new name rather than being read back wrongly.
 *
 * <p>Query views (read by the HTTP layer through interactive queries), with their key and value:
 * <ul>
 *   <li>{@link #RESERVATIONS}: reservationId → {@code ReservationView}; read-only, its changelog is
 *       the view topic {@link TopicNames#reservationViews()}</li>
 *   <li>{@link #SEATS}: seatId → {@code SeatView}</li>
 *   <li>{@link #SHOW_SEATS}: {@code eventId|seatId} → seatId, an index written once per seat;
 *       partitioned by seatId, so a show's seats are spread over every instance: range-scan the prefix
 *       {@code eventId|} on each and read the seats from {@link #SEATS} in the same partition</li>
 *   <li>{@link #SHOW_SUMMARY}: {@code eventId|section|status} → Long count; a partial count per
 *       partition, held in memory and rebuilt from {@link #SEATS} when the task starts: sum the entries
 *       of the prefix {@code eventId|} over all partitions of all instances</li>
 *   <li>{@link #ORDERS}: orderId → {@code OrderView}, with the wall-clock time of its last change as
 *       the store timestamp</li>
 *   <li>{@link #TICKETS}: ticketId → {@code TicketIssued}; read-only, changelog
 *       {@link TopicNames#ticketViews()}. A ticketNumber names its ticketId ({@link TicketCodes#ticketId})</li>
 *   <li>{@link #CUSTOMER_TICKETS}: {@code customerId|ticketId} → {@code TicketIssued}; read-only,
 *       changelog {@link TopicNames#customerTickets()}, partitioned by customerId
 *       ({@link CustomerTicketKeys}): one customer's tickets are one prefix of one partition</li>
 * </ul>
 * Key lookups route with {@code KafkaStreams#queryMetadataForKey(store, key, Serdes.String().serializer())},
 * customer tickets with {@link CustomerTicketKeys#PARTITIONER}.
 */
public final class StoreNames {

    // --- query views ---
    public static final String RESERVATIONS = "reservation-views";
    public static final String SEATS = "seats";
    public static final String SHOW_SEATS = "show-seats";
    public static final String SHOW_SUMMARY = "show-summary";
    public static final String ORDERS = "order-views";
    public static final String TICKETS = "ticket-views";
    public static final String CUSTOMER_TICKETS = "customer-ticket-views";

    // --- internal state (not queried over HTTP) ---
    /** reservationId → where the reservation's seat lives, and the orphans resolved for it before it came. */
    public static final String RESERVATION_ROUTES = "reservation-routes";
    /**
     * reservationId → {@code Route}: a global store on every instance, read from the changelog of
     * {@link #RESERVATION_ROUTES}; the decoders route by it.
     */
    public static final String ROUTE_INDEX = "route-index";
    /** reservationId → commands that arrived before their reservation-created, in arrival order. */
    public static final String PENDING_COMMANDS = "pending-commands";
    /** reservationId → the seat arbiter's state of the reservation (status, decided payments). */
    public static final String SEAT_RESERVATIONS = "seat-reservations";
    /**
     * Due-time indexes of the router (orphaned payments) and the arbiter (TTL) (see {@code TimerIndex}):
     * in memory, rebuilt from {@link #PENDING_COMMANDS} and {@link #SEAT_RESERVATIONS} when the task starts.
     */
    public static final String ROUTER_TIMERS = "router-timers";
    public static final String SEAT_TIMERS = "seat-timers";

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

    /** The prefix under which every entry of one show sits in {@link #SHOW_SEATS} and {@link #SHOW_SUMMARY}. */
    public static String showPrefix(String eventId) {
        return eventId + KEY_SEPARATOR;
    }
}
