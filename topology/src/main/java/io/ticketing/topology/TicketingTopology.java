package io.ticketing.topology;

import io.ticketing.events.PaymentFailed;
import io.ticketing.events.PaymentSucceeded;
import io.ticketing.events.RefundRequested;
import io.ticketing.events.ReservationCreated;
import io.ticketing.events.ReservationExpired;
import io.ticketing.events.TicketIssued;
import io.ticketing.events.TicketingEvent;
import io.ticketing.serdes.EventReader;
import io.ticketing.serdes.JsonSerde;
import io.ticketing.topology.internal.Command;
import io.ticketing.topology.internal.Decoded;
import io.ticketing.topology.internal.EventDecoder;
import io.ticketing.topology.internal.Output;
import io.ticketing.topology.internal.ReservationRouter;
import io.ticketing.topology.internal.SeatArbiter;
import io.ticketing.topology.internal.OrderFolder;
import io.ticketing.topology.internal.StateStores;
import io.ticketing.topology.internal.ViewWriter;
import io.ticketing.topology.view.OrderView;
import io.ticketing.topology.view.ReservationView;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * Builds the ticketing topology (see {@code docs/design.md} for its shape and why):
 * <ol>
 *   <li>each input topic is read as bytes and decoded; bad records go to the dead-letter topic, valid
 *       ones become commands keyed by reservationId → repartition {@code reservation-commands};</li>
 *   <li>{@code reservation-router} (key reservationId) holds early commands and routes by seat →
 *       repartition {@code seat-commands};</li>
 *   <li>{@code seat-arbiter} (key seatId) decides every §3 row and emits ticket-issued,
 *       refund-requested, its own reservation-expired, the reservation, ticket and customer-ticket
 *       views (to their compacted view topics) and order updates (repartition {@code order-updates});</li>
 *   <li>{@code order-folder} (key orderId) folds the arbiter's and the router's order updates into the
 *       order views; each view topic is read into its query store (read-only stores: the topic is
 *       the changelog).</li>
 * </ol>
 * Every source, processor, sink, repartition topic and store has an explicit name.
 */
public final class TicketingTopology {

    public static final String RESERVATION_COMMANDS = "reservation-commands";
    public static final String SEAT_COMMANDS = "seat-commands";
    public static final String ORDER_UPDATES = "order-updates";
    public static final String PENDING_ORDER_UPDATES = "pending-order-updates";
    public static final String ROUTER = "reservation-router";
    public static final String ARBITER = "seat-arbiter";
    public static final String ORDER_FOLDER = "order-folder";

    private static final Serde<String> KEYS = Serdes.String();
    private static final Serde<byte[]> BYTES = Serdes.ByteArray();
    private static final Serde<Command> COMMANDS = JsonSerde.internal(Command.class);
    private static final Serde<OrderView> ORDER_UPDATE_SERDE = JsonSerde.internal(OrderView.class);
    private static final Serde<ReservationView> RESERVATION_VIEWS = JsonSerde.internal(ReservationView.class);
    private static final Serde<TicketIssued> TICKET_VIEWS = JsonSerde.internal(TicketIssued.class);
    /** The branch each type of {@link Output} takes in a split: {@code <processor>-<kind>}. */
    private static final Map<Class<? extends Output>, String> KINDS = Map.of(
            Output.ToSeat.class, "seat-commands", Output.Ticket.class, "tickets", Output.Refund.class, "refunds",
            Output.Expired.class, "expired", Output.Order.class, "orders", Output.Reservation.class, "reservations",
            Output.TicketView.class, "ticket-views", Output.CustomerTicket.class, "customer-tickets");

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
        // No global stores here; set anyway so the behaviour does not change under us in Kafka 5.0.
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

        KStream<String, Command> commands =
                decode(builder, config, topics.reservationCreated(), ReservationCreated.class, Command.Create::new)
                .merge(decode(builder, config, topics.reservationExpired(), ReservationExpired.class,
                        Command.Expire::new), Named.as("merge-" + topics.reservationExpired()))
                .merge(decode(builder, config, topics.paymentSucceeded(), PaymentSucceeded.class,
                        Command.Pay::new), Named.as("merge-" + topics.paymentSucceeded()))
                .merge(decode(builder, config, topics.paymentFailed(), PaymentFailed.class,
                        Command.Fail::new), Named.as("merge-" + topics.paymentFailed()));

        // Sub-topology 2: by reservationId.
        KStream<String, Output> routed = commands
                .repartition(Repartitioned.<String, Command>as(RESERVATION_COMMANDS)
                        .withKeySerde(KEYS).withValueSerde(COMMANDS))
                .process(ReservationRouter.supplier(config), Named.as(ROUTER));
        Map<String, KStream<String, Output>> fromRouter = split(routed, ROUTER, "seat-commands", "refunds", "orders");

        // Sub-topology 3: by seatId.
        KStream<String, Output> decided = fromRouter.get(ROUTER + "-seat-commands")
                .mapValues(v -> ((Output.ToSeat) v).command(), Named.as(ROUTER + "-unwrap-seat-commands"))
                .repartition(Repartitioned.<String, Command>as(SEAT_COMMANDS)
                        .withKeySerde(KEYS).withValueSerde(COMMANDS))
                .process(SeatArbiter.supplier(config), Named.as(ARBITER));
        Map<String, KStream<String, Output>> fromArbiter = split(decided, ARBITER,
                "tickets", "refunds", "expired", "orders", "reservations", "ticket-views", "customer-tickets");

        refunds(fromRouter.get(ROUTER + "-refunds"), topics, ROUTER);
        refunds(fromArbiter.get(ARBITER + "-refunds"), topics, ARBITER);
        fromArbiter.get(ARBITER + "-tickets")
                .mapValues(v -> ((Output.Ticket) v).ticket(), Named.as(ARBITER + "-unwrap-tickets"))
                .to(topics.ticketIssued(), Produced.with(KEYS, JsonSerde.of(TicketIssued.class))
                        .withName(ARBITER + "-sink-" + topics.ticketIssued()));
        fromArbiter.get(ARBITER + "-expired")
                .mapValues(v -> ((Output.Expired) v).expired(), Named.as(ARBITER + "-unwrap-expired"))
                .to(topics.reservationExpired(), Produced.with(KEYS, JsonSerde.of(ReservationExpired.class))
                        .withName(ARBITER + "-sink-" + topics.reservationExpired()));

        // The views the arbiter decides, each to its compacted topic, keyed as it is queried.
        fromArbiter.get(ARBITER + "-reservations")
                .mapValues(v -> ((Output.Reservation) v).view(), Named.as(ARBITER + "-unwrap-reservations"))
                .to(topics.reservationViews(), Produced.with(KEYS, RESERVATION_VIEWS)
                        .withName(ARBITER + "-sink-" + topics.reservationViews()));
        fromArbiter.get(ARBITER + "-ticket-views")
                .mapValues(v -> ((Output.TicketView) v).ticket(), Named.as(ARBITER + "-unwrap-ticket-views"))
                .to(topics.ticketViews(), Produced.with(KEYS, TICKET_VIEWS)
                        .withName(ARBITER + "-sink-" + topics.ticketViews()));
        fromArbiter.get(ARBITER + "-customer-tickets")
                .mapValues(v -> ((Output.CustomerTicket) v).ticket(), Named.as(ARBITER + "-unwrap-customer-tickets"))
                .to(topics.customerTickets(), Produced.with(KEYS, TICKET_VIEWS)
                        .withStreamPartitioner(CustomerTicketKeys.PARTITIONER)
                        .withName(ARBITER + "-sink-" + topics.customerTickets()));

        // Sub-topology 4: by orderId. Router and arbiter each repartition their own updates: merging
        // them first would fuse their sub-topologies.
        KStream<String, OrderView> arbiterOrders = orders(fromArbiter.get(ARBITER + "-orders"), ARBITER)
                .repartition(Repartitioned.<String, OrderView>as(ORDER_UPDATES)
                        .withKeySerde(KEYS).withValueSerde(ORDER_UPDATE_SERDE));
        KStream<String, OrderView> routerOrders = orders(fromRouter.get(ROUTER + "-orders"), ROUTER)
                .repartition(Repartitioned.<String, OrderView>as(PENDING_ORDER_UPDATES)
                        .withKeySerde(KEYS).withValueSerde(ORDER_UPDATE_SERDE));
        arbiterOrders.merge(routerOrders, Named.as("merge-order-updates"))
                .process(OrderFolder.supplier(config), Named.as(ORDER_FOLDER));

        Topology topology = builder.build();
        // Sub-topologies 5-7: each view topic into its query store, the topic being the store's changelog.
        ViewListener listener = config.listener();
        view(topology, StoreNames.RESERVATIONS, topics.reservationViews(), ReservationView.class,
                listener::reservationChanged);
        view(topology, StoreNames.TICKETS, topics.ticketViews(), TicketIssued.class, t -> { });
        view(topology, StoreNames.CUSTOMER_TICKETS, topics.customerTickets(), TicketIssued.class, t -> { });
        return topology;
    }

    private static <V> void view(Topology topology, String store, String topic, Class<V> type, Consumer<V> changed) {
        topology.addReadOnlyStateStore(StateStores.view(store, type), "source-" + topic, KEYS.deserializer(),
                JsonSerde.internal(type).deserializer(), topic, "write-" + store, ViewWriter.supplier(store, changed));
    }

    /** Sub-topology 1 for one input topic: bytes in, commands out, bad records to the dead-letter topic. */
    private static <T extends TicketingEvent> KStream<String, Command> decode(StreamsBuilder builder,
            TicketingConfig config, String topic, Class<T> type, Function<T, Command> toCommand) {
        EventReader<T> reader = new EventReader<>(type, config.maxRecordBytes());
        Map<String, KStream<String, Decoded>> outcome = builder
                .stream(topic, Consumed.with(BYTES, BYTES).withName("source-" + topic))
                .process(() -> new EventDecoder<>(topic, reader, toCommand), Named.as("decode-" + topic))
                .split(Named.as("split-" + topic + "-"))
                .branch((k, v) -> v instanceof Decoded.DeadLetter, Branched.as("dead-letter"))
                .defaultBranch(Branched.as("valid"));
        outcome.get("split-" + topic + "-dead-letter")
                .map((k, v) -> KeyValue.pair(((Decoded.DeadLetter) v).key(), ((Decoded.DeadLetter) v).value()),
                        Named.as("unwrap-dead-letter-" + topic))
                .to(config.topics().deadLetter(), Produced.with(BYTES, BYTES).withName("dead-letter-" + topic));
        return outcome.get("split-" + topic + "-valid")
                .mapValues(v -> ((Decoded.Valid) v).command(), Named.as("unwrap-command-" + topic));
    }

    /** Splits a processor's output by kind; the branches are named {@code <processor>-<kind>}. */
    private static Map<String, KStream<String, Output>> split(KStream<String, Output> out, String processor,
            String... kinds) {
        var branches = out.split(Named.as(processor + "-"));
        for (String kind : kinds) {
            branches = branches.branch((k, v) -> kind.equals(KINDS.get(v.getClass())), Branched.as(kind));
        }
        return branches.noDefaultBranch();
    }

    private static void refunds(KStream<String, Output> refunds, TopicNames topics, String processor) {
        refunds.mapValues(v -> ((Output.Refund) v).refund(), Named.as(processor + "-unwrap-refunds"))
                .to(topics.refundRequested(), Produced.with(KEYS, JsonSerde.of(RefundRequested.class))
                        .withName(processor + "-sink-" + topics.refundRequested()));
    }

    private static KStream<String, OrderView> orders(KStream<String, Output> orders, String processor) {
        return orders.mapValues(v -> ((Output.Order) v).update(), Named.as(processor + "-unwrap-orders"));
    }
}
