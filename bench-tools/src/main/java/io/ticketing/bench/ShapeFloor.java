package io.ticketing.bench;

import io.ticketing.events.PaymentFailed;
import io.ticketing.events.PaymentSucceeded;
import io.ticketing.events.ReservationCreated;
import io.ticketing.events.ReservationExpired;
import io.ticketing.events.UpstreamEvent;
import io.ticketing.serdes.EventReader;
import io.ticketing.serdes.ReadResult;
import io.ticketing.topology.TopicNames;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The floor under {@code bench/throughput.sh}'s ratio: what the <em>shape</em> of the ticketing
 * topology costs in Kafka Streams before any of its logic, measured like {@link PassThrough}.
 * Not a product: no validation outcome is acted on, no state machine, no views.
 *
 * <ul>
 *   <li>{@code rekey}: the four inputs, each value parsed and validated by the app's own
 *       {@link EventReader}, re-keyed by reservationId through one repartition topic, then copied to
 *       one output. The cost of CONTRACT §1's "never trust an upstream key" alone.</li>
 *   <li>{@code shape}: {@code rekey}, then a reservation-keyed step with one store (a create puts its
 *       seatId, every other event gets it), a second repartition by seatId, and a seat-keyed step
 *       with one store get and put per record, then one output. The least any topology can do that
 *       arbitrates seats (§3: payments carry only a reservationId) with changelogged state.</li>
 * </ul>
 *
 * <p>{@code java -cp ticketing-bench-tools.jar io.ticketing.bench.ShapeFloor rekey|shape BOOTSTRAP APPLICATION_ID GUARANTEE STATE_DIR [THREADS]}
 */
public final class ShapeFloor {

    public static final String OUTPUT = "bench-floor-out";

    private ShapeFloor() {
    }

    public static void main(String[] args) throws Exception {
        Usage.require(args, 5, ShapeFloor.class, "rekey|shape BOOTSTRAP APPLICATION_ID GUARANTEE STATE_DIR [THREADS]");
        String mode = args[0];
        TopicNames topics = TopicNames.defaults();
        BaselineApp.createOutput(args[1], OUTPUT);
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, byte[]> byReservation = parsed(builder, topics.reservationCreated(), ReservationCreated.class)
                .merge(parsed(builder, topics.reservationExpired(), ReservationExpired.class))
                .merge(parsed(builder, topics.paymentSucceeded(), PaymentSucceeded.class))
                .merge(parsed(builder, topics.paymentFailed(), PaymentFailed.class))
                .repartition(Repartitioned.<String, byte[]>as("floor-reservations")
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.ByteArray()));
        KStream<String, byte[]> out = switch (mode) {
            case "rekey" -> byReservation;
            case "shape" -> byReservation
                    .process(new Step("floor-routes", true), Named.as("floor-router"))
                    .repartition(Repartitioned.<String, byte[]>as("floor-seats")
                            .withKeySerde(Serdes.String()).withValueSerde(Serdes.ByteArray()))
                    .process(new Step("floor-seat-state", false), Named.as("floor-arbiter"));
            default -> throw new IllegalArgumentException("mode is rekey or shape, not " + mode);
        };
        out.to(OUTPUT, Produced.with(Serdes.String(), Serdes.ByteArray()));

        Properties props = BaselineApp.properties(Arrays.copyOfRange(args, 1, args.length));
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        BaselineApp.runUntilStopped(builder.build(), props);
    }

    /** Parsed and validated like the app does; keyed by reservationId; the value stays the input bytes. */
    private static <T extends UpstreamEvent> KStream<String, byte[]> parsed(StreamsBuilder builder, String topic,
            Class<T> type) {
        EventReader<T> reader = new EventReader<>(type);
        return builder.stream(topic, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .flatMap((key, value) -> {
                    ReadResult<T> result = reader.read(value);
                    if (result instanceof ReadResult.Accepted<T> accepted) {
                        String reservationId = accepted.event().reservationId();
                        String seat = accepted.event() instanceof ReservationCreated c ? c.seatId() : "";
                        // The seatId rides in front of the bytes, so the router step need not parse again.
                        return List.of(KeyValue.pair(reservationId,
                                concat(seat, value)));
                    }
                    return List.of();
                });
    }

    private static byte[] concat(String seat, byte[] value) {
        byte[] head = (seat + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + value.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(value, 0, all, head.length, value.length);
        return all;
    }

    private static String seatOf(byte[] value) {
        int nl = 0;
        while (value[nl] != '\n') {
            nl++;
        }
        return new String(value, 0, nl, StandardCharsets.UTF_8);
    }

    /** One store, one get and one put per record, re-keyed by seat on the router side. */
    private record Step(String store, boolean router) implements ProcessorSupplier<String, byte[], String, byte[]> {

        @Override
        public Processor<String, byte[], String, byte[]> get() {
            return new Processor<>() {
                private ProcessorContext<String, byte[]> context;
                private KeyValueStore<String, String> state;

                @Override
                public void init(ProcessorContext<String, byte[]> context) {
                    this.context = context;
                    this.state = context.getStateStore(store);
                }

                @Override
                public void process(Record<String, byte[]> record) {
                    if (router) {
                        String seat = seatOf(record.value());
                        if (!seat.isEmpty()) {
                            state.put(record.key(), seat);
                        } else {
                            String known = state.get(record.key());
                            seat = known == null ? record.key() : known;
                        }
                        context.forward(record.withKey(seat));
                    } else {
                        String before = state.get(record.key());
                        state.put(record.key(), before == null ? "HELD" : "SOLD");
                        context.forward(record);
                    }
                }
            };
        }

        @Override
        public Set<StoreBuilder<?>> stores() {
            return Set.of(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(store),
                    Serdes.String(), Serdes.String()));
        }
    }
}
