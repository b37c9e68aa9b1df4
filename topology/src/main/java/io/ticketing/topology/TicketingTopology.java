package io.ticketing.topology;

import io.ticketing.events.PaymentFailed;
import io.ticketing.events.PaymentSucceeded;
import io.ticketing.events.RefundRequested;
import io.ticketing.events.ReservationCreated;
import io.ticketing.events.ReservationExpired;
import io.ticketing.events.SeatListed;
import io.ticketing.events.TicketIssued;
import io.ticketing.serdes.EventReader;
import io.ticketing.serdes.JsonSerde;
import io.ticketing.topology.internal.Command;
import io.ticketing.topology.internal.EventDecoder;
import io.ticketing.topology.internal.InputTopic;
import io.ticketing.topology.internal.OrderFolder;
import io.ticketing.topology.internal.ReservationRouter;
import io.ticketing.topology.internal.Route;
import io.ticketing.topology.internal.RouteNotice;
import io.ticketing.topology.internal.SeatArbiter;
import io.ticketing.topology.internal.StateStores;
import io.ticketing.topology.internal.ViewWriter;
import io.ticketing.topology.view.OrderView;
import io.ticketing.topology.view.ReservationView;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * Builds the ticketing topology (see {@code docs/design.md} for its shape and why):
 * <ol>
 *   <li>{@code decode} reads the four input topics as bytes; bad records go to the dead-letter topic.
 *       A valid one goes to its seat ({@code seat-commands}, key seatId) when the global
 *       {@code route-index} knows where its reservation lives, and to the router otherwise
 *       ({@code reservation-commands}, key reservationId). A reservation-created names its seat itself.
 *       In the same sub-topology, {@code reservation-router} (key reservationId) learns each route from the
 *       seat that holds the reservation ({@code <application.id>-route-notices}), keeps it in the store whose
 *       changelog is the route index, and sends what waited for it to the seat;</li>
 *   <li>{@code seat-arbiter} (key seatId) decides every §3 row ({@link io.ticketing.topology.internal.SeatRules})
 *       and emits ticket-issued, refund-requested, its own reservation-expired, the reservation, ticket and
 *       customer-ticket views (to their compacted view topics), order updates (repartition
 *       {@code order-updates}) and route notices;</li>
 *   <li>{@code order-folder} (key orderId) folds the arbiter's and the router's order updates into the
 *       order views; each view topic is read into its query store (read-only stores: the topic is
 *       the changelog).</li>
 * </ol>
 * Processors forward each kind of output to a named child, so each destination is spelled once. Every
 * source, processor, sink, repartition topic and store has an explicit name.
 */
public final class TicketingTopology {

    public static final String RESERVATION_COMMANDS = "reservation-commands";
    public static final String SEAT_COMMANDS = "seat-commands";
    public static final String ORDER_UPDATES = "order-updates";
    public static final String PENDING_ORDER_UPDATES = "pending-order-updates";
    public static final String DECODER = "decode";
    public static final String ROUTER = "reservation-router";
    public static final String ARBITER = "seat-arbiter";
    public static final String ORDER_FOLDER = "order-folder";

    private static final Serde<String> KEYS = Serdes.String();
    private static final Serde<byte[]> BYTES = Serdes.ByteArray();
    private static final Serde<Command> COMMANDS = JsonSerde.internal(Command.class);
    private static final Serde<OrderView> ORDER_UPDATE_SERDE = JsonSerde.internal(OrderView.class);

    private TicketingTopology() {
    }

    /**
     * The Kafka Streams settings this topology is meant to run with; the app adds its own
     * (application id, bootstrap servers, state dir...) on top. An exception in our processing code
     * on one record sends that record to the dead-letter topic (KIP-1034) and the stream goes on;
     * so does a record that cannot be deserialized (internal topics only: inputs are read as bytes).
     */
    public static Properties streamsProperties(TicketingConfig config) {
        Properties props = new Properties();
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, config.topics().deadLetter());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueProcessingExceptionHandler.class.getName());
        // The route index is a global store: its writer is ours, and a failure in it must dead-letter too.
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueExceptionHandler.class.getName());
        // max.task.idle.ms stays at Kafka's default (0): a decode task waits until each of its four input
        // partitions has been fetched, so the four topics are read roughly in step. With idling off
        // (-1), a catch-up read payments well ahead of their reservations (almost every payment was
        // held in pending-commands, 0.87 writes per input record instead of 0.10) and was 14 % slower,
        // more than the String.format that Kafka Streams 4.3.1 spends per call while a partition is
        // empty (docs/benchmarks.md §1). Nothing here needs the alignment: the contract asks for any
        // cross-topic interleaving to be handled (§4).
        props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class.getName());
        props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class.getName());
        return props;
    }

    public static Topology build(TicketingConfig config) {
        TopicNames topics = config.topics();
        StreamsBuilder builder = new StreamsBuilder();
        builder.addGlobalStore(StateStores.view(StoreNames.ROUTE_INDEX, Route.class), topics.routes(),
                Consumed.with(KEYS, JsonSerde.internal(Route.class)).withName(StoreNames.ROUTE_INDEX),
                ViewWriter.supplier(StoreNames.ROUTE_INDEX, r -> { }));

        // Sub-topology 1: the inputs decoded, and the router (key reservationId) for what cannot go to its
        // seat yet. One sub-topology, because both write seat-commands and a repartition topic has one writer.
        KStream<Object, Object> decoded = builder
                .stream(topics.sources(), Consumed.with(BYTES, BYTES).withName("source-inputs"))
                .process(() -> new EventDecoder(inputs(config)), Named.as(DECODER));
        decoded.to(topics.deadLetter(), Produced.with(any(BYTES), any(BYTES)).withName(EventDecoder.TO_DEAD_LETTER));
        KStream<Object, Object> routerInput = decoded
                .repartition(Repartitioned.with(any(KEYS), any(COMMANDS)).withName(RESERVATION_COMMANDS))
                .merge(builder.stream(topics.routeNotices(), Consumed.with(any(KEYS), any(JsonSerde.internal(
                        RouteNotice.class))).withName("source-" + topics.routeNotices())), Named.as("router-input"));
        KStream<Object, Object> routed = TicketingTopology.<String, Object>typed(routerInput)
                .process(ReservationRouter.supplier(config), Named.as(ROUTER));
        routed.to(topics.refundRequested(), Produced.with(any(KEYS), any(JsonSerde.of(RefundRequested.class)))
                .withName(ReservationRouter.TO_REFUNDS));
        KStream<Object, Object> routerOrders = routed.repartition(
                Repartitioned.with(any(KEYS), any(ORDER_UPDATE_SERDE)).withName(PENDING_ORDER_UPDATES));

        // Sub-topology 2: by seatId.
        KStream<Object, Object> decided = TicketingTopology.<String, Command>typed(decoded
                        .merge(routed, Named.as(EventDecoder.TO_SEAT))
                        .repartition(Repartitioned.with(any(KEYS), any(COMMANDS)).withName(SEAT_COMMANDS)))
                .process(SeatArbiter.supplier(config), Named.as(ARBITER));
        decided.to(topics.ticketIssued(), Produced.with(any(KEYS), any(JsonSerde.of(TicketIssued.class)))
                .withName(SeatArbiter.TO_TICKETS));
        decided.to(topics.refundRequested(), Produced.with(any(KEYS), any(JsonSerde.of(RefundRequested.class)))
                .withName(SeatArbiter.TO_REFUNDS));
        decided.to(topics.reservationExpired(), Produced.with(any(KEYS), any(JsonSerde.of(ReservationExpired.class)))
                .withName(SeatArbiter.TO_EXPIRED));
        // The views the arbiter decides, each to its compacted topic, keyed as it is queried.
        decided.to(topics.reservationViews(), Produced.with(any(KEYS), any(JsonSerde.internal(ReservationView.class)))
                .withName(SeatArbiter.TO_RESERVATION_VIEWS));
        decided.to(topics.ticketViews(), Produced.with(any(KEYS), any(JsonSerde.internal(TicketIssued.class)))
                .withName(SeatArbiter.TO_TICKET_VIEWS));
        decided.to(topics.customerTickets(), Produced.with(any(KEYS), any(JsonSerde.internal(TicketIssued.class)))
                .withStreamPartitioner((topic, key, value, partitions) ->
                        CustomerTicketKeys.PARTITIONER.partitions(topic, (String) key, value, partitions)).withName(SeatArbiter.TO_CUSTOMER_TICKETS));
        decided.to(topics.routeNotices(), Produced.with(any(KEYS), any(JsonSerde.internal(RouteNotice.class)))
                .withName(SeatArbiter.TO_ROUTE_NOTICES));
        KStream<Object, Object> arbiterOrders = decided.repartition(
                Repartitioned.with(any(KEYS), any(ORDER_UPDATE_SERDE)).withName(ORDER_UPDATES));

        // Sub-topology 3: by orderId. Router and arbiter each repartition their own updates: merging
        // them first would fuse their sub-topologies.
        TicketingTopology.<String, OrderView>typed(arbiterOrders.merge(routerOrders, Named.as("merge-order-updates")))
                .process(OrderFolder.supplier(config), Named.as(ORDER_FOLDER));

        Topology topology = builder.build();
        // Sub-topologies 4-6: each view topic into its query store, the topic being the store's changelog.
        ViewListener listener = config.listener();
        view(topology, StoreNames.RESERVATIONS, topics.reservationViews(), ReservationView.class,
                listener::reservationChanged);
        view(topology, StoreNames.TICKETS, topics.ticketViews(), TicketIssued.class, t -> { });
        view(topology, StoreNames.CUSTOMER_TICKETS, topics.customerTickets(), TicketIssued.class, t -> { });
        return topology;
    }

    /** Each input topic's reader, by topic. */
    private static Map<String, InputTopic> inputs(TicketingConfig config) {
        TopicNames topics = config.topics();
        int max = config.maxRecordBytes();
        return Map.of(
                topics.reservationCreated(),
                InputTopic.of(new EventReader<>(ReservationCreated.class, max), Command.Create::new),
                topics.reservationExpired(),
                InputTopic.of(new EventReader<>(ReservationExpired.class, max), Command.Expire::new),
                topics.paymentSucceeded(),
                InputTopic.of(new EventReader<>(PaymentSucceeded.class, max), Command.Pay::new),
                topics.paymentFailed(),
                InputTopic.of(new EventReader<>(PaymentFailed.class, max), Command.Fail::new),
                topics.seatInventory(),
                InputTopic.of(new EventReader<>(SeatListed.class, max), Command.Stock::new).ignoringTombstones());
    }

    /**
     * A serde for a stream of mixed values: each processor forwards to a named child one kind of value,
     * which that child's serde is for.
     */
    @SuppressWarnings("unchecked")
    private static <T> Serde<Object> any(Serde<T> serde) {
        return (Serde<Object>) (Serde<?>) serde;
    }

    /** A stream of mixed values that carries one kind only (its writers forward nothing else to it). */
    @SuppressWarnings("unchecked")
    private static <K, V> KStream<K, V> typed(KStream<Object, Object> stream) {
        return (KStream<K, V>) (KStream<?, ?>) stream;
    }

    private static <V> void view(Topology topology, String store, String topic, Class<V> type, Consumer<V> changed) {
        topology.addReadOnlyStateStore(StateStores.view(store, type), "source-" + topic, KEYS.deserializer(),
                JsonSerde.internal(type).deserializer(), topic, "write-" + store, ViewWriter.supplier(store, changed));
    }
}
