package io.ticketing.app.queries;

import io.ticketing.events.TicketIssued;
import io.ticketing.serdes.JsonSerde;
import io.ticketing.topology.StoreNames;
import io.ticketing.topology.ViewListener;
import io.ticketing.topology.view.CustomerTickets;
import io.ticketing.topology.view.OrderView;
import io.ticketing.topology.view.ReservationView;
import io.ticketing.topology.view.SeatView;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * A stand-in for the ticketing topology that materialises the same query stores, with the same names,
 * keys, values and partitioning ({@link StoreNames}), straight from one topic per view. It lets the
 * HTTP layer be proven against real streams metadata, real stores, real standbys and a real broker
 * independently of how the views are computed.
 */
final class StandInViews {

    static final String RESERVATIONS = "iq-reservations";
    static final String ORDERS = "iq-orders";
    static final String TICKETS = "iq-tickets";
    static final String CUSTOMER_TICKETS = "iq-customer-tickets";
    static final String SEATS = "iq-seats";
    static final List<String> TOPICS = List.of(RESERVATIONS, ORDERS, TICKETS, CUSTOMER_TICKETS, SEATS);

    private StandInViews() {
    }

    static Topology topology(ViewListener listener) {
        StreamsBuilder builder = new StreamsBuilder();
        view(builder, RESERVATIONS, StoreNames.RESERVATIONS, ReservationView.class, listener::reservationChanged);
        view(builder, ORDERS, StoreNames.ORDERS, OrderView.class, listener::orderChanged);
        view(builder, TICKETS, StoreNames.TICKETS, TicketIssued.class, v -> { });
        // One entry per ticket, key customerId|ticketId, partitioned by customerId (CustomerTicketKeys).
        view(builder, CUSTOMER_TICKETS, StoreNames.CUSTOMER_TICKETS, TicketIssued.class, v -> { });

        builder.addStateStore(store(StoreNames.SEATS, JsonSerde.of(SeatView.class)));
        builder.addStateStore(store(StoreNames.SHOW_SEATS, Serdes.String()));
        builder.addStateStore(store(StoreNames.SHOW_SUMMARY, Serdes.Long()));
        builder.stream(SEATS, Consumed.with(Serdes.String(), JsonSerde.of(SeatView.class)))
                .process(SeatWriter::new, StoreNames.SEATS, StoreNames.SHOW_SEATS, StoreNames.SHOW_SUMMARY);
        return builder.build();
    }

    private static <V> void view(StreamsBuilder builder, String topic, String store, Class<V> type, Consumer<V> changed) {
        builder.addStateStore(store(store, JsonSerde.of(type)));
        builder.stream(topic, Consumed.with(Serdes.String(), JsonSerde.of(type)))
                .process(() -> new ViewWriter<>(store, changed), store);
    }

    private static <V> org.apache.kafka.streams.state.StoreBuilder<KeyValueStore<String, V>> store(String name, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values);
    }

    /** Writes the view, then tells the listener, as the real topology does. */
    private static final class ViewWriter<V> implements Processor<String, V, Void, Void> {
        private final String storeName;
        private final Consumer<V> changed;
        private KeyValueStore<String, V> store;

        ViewWriter(String storeName, Consumer<V> changed) {
            this.storeName = storeName;
            this.changed = changed;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(storeName);
        }

        @Override
        public void process(Record<String, V> record) {
            store.put(record.key(), record.value());
            changed.accept(record.value());
        }
    }

    /** Seat, show index (show|seat → seatId) and per-partition show counts, all in the seat's partition. */
    private static final class SeatWriter implements Processor<String, SeatView, Void, Void> {
        private KeyValueStore<String, SeatView> seats;
        private KeyValueStore<String, String> byShow;
        private KeyValueStore<String, Long> summary;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            seats = context.getStateStore(StoreNames.SEATS);
            byShow = context.getStateStore(StoreNames.SHOW_SEATS);
            summary = context.getStateStore(StoreNames.SHOW_SUMMARY);
        }

        @Override
        public void process(Record<String, SeatView> record) {
            SeatView seat = record.value();
            SeatView before = seats.get(seat.seatId());
            if (before != null) {
                add(before, -1);
            }
            seats.put(seat.seatId(), seat);
            byShow.put(StoreNames.showSeatKey(seat.eventId(), seat.seatId()), seat.seatId());
            add(seat, 1);
        }

        private void add(SeatView seat, long delta) {
            String key = StoreNames.showSummaryKey(seat.eventId(), seat.section(), seat.status().name());
            Long count = summary.get(key);
            summary.put(key, (count == null ? 0 : count) + delta);
        }
    }
}
