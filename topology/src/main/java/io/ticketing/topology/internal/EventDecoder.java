package io.ticketing.topology.internal;

import io.ticketing.topology.DeadLetterHeaders;
import io.ticketing.topology.StoreNames;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Decodes the four input topics' raw bytes and sends each valid event on as a {@link Command}, whatever
 * key upstream gave it (CONTRACT §1): to its seat directly when the global {@code route-index} knows the
 * reservation's seat, to the router otherwise ({@link CommandRouting}). A bad record (§6) goes to the
 * dead-letter topic with its original key, value and headers, plus headers saying where it came from and
 * why. Doing this here rather than in a deserializer keeps parse and validation failures on one path, with
 * the original bytes, visible to TopologyTestDriver.
 *
 * <p>Forwards to named children only: {@link #TO_SEAT} (key seatId), {@link #TO_ROUTER} (key
 * reservationId) and {@link #TO_DEAD_LETTER} (original key bytes).
 */
public final class EventDecoder implements Processor<byte[], byte[], Object, Object> {

    public static final String TO_SEAT = "seat-bound";
    public static final String TO_ROUTER = "reservation-commands-repartition-filter";
    public static final String TO_DEAD_LETTER = "dead-letter";

    private final Map<String, InputTopic> inputs;
    private final Map<String, Sensor> applied = new HashMap<>();
    private final Map<String, Sensor> deadLettered = new HashMap<>();
    private ProcessorContext<Object, Object> context;
    private KeyValueStore<String, Route> routeIndex;

    /** @param inputs each input topic's reader, by topic name */
    public EventDecoder(Map<String, InputTopic> inputs) {
        this.inputs = Map.copyOf(inputs);
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        this.routeIndex = context.getStateStore(StoreNames.ROUTE_INDEX);
        for (String topic : inputs.keySet()) {
            applied.put(topic, Sensors.counter(context, topic, Sensors.APPLIED));
            deadLettered.put(topic, Sensors.counter(context, topic, Sensors.DEAD_LETTERED));
        }
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        RecordMetadata meta = context.recordMetadata().orElseThrow();
        String topic = meta.topic();
        InputTopic input = inputs.get(topic);
        Decoded result = input.read(record.value());
        if (result instanceof Decoded.Ignored) {
            return;
        }
        if (result instanceof Decoded.Valid valid) {
            route(valid.command(), record.timestamp());
            applied.get(topic).record();
            return;
        }
        Decoded.Invalid rejected = (Decoded.Invalid) result;
        Headers headers = new RecordHeaders(record.headers().toArray());
        put(headers, DeadLetterHeaders.TOPIC, topic);
        put(headers, DeadLetterHeaders.PARTITION, String.valueOf(meta.partition()));
        put(headers, DeadLetterHeaders.OFFSET, String.valueOf(meta.offset()));
        put(headers, DeadLetterHeaders.TIMESTAMP, String.valueOf(record.timestamp()));
        put(headers, DeadLetterHeaders.ERROR_CLASS, rejected.kind().name());
        put(headers, DeadLetterHeaders.REASON, rejected.reason());
        context.forward(new Record<Object, Object>(record.key(), record.value(), record.timestamp(), headers),
                TO_DEAD_LETTER);
        deadLettered.get(topic).record();
    }

    private void route(Command command, long timestamp) {
        // Upstream headers stay upstream: our outputs carry only what we put on them.
        Route route = command.reservationId() == null ? null : routeIndex.get(command.reservationId());
        CommandRouting.Destination destination = CommandRouting.decide(command, route);
        if (destination instanceof CommandRouting.ToSeat seat) {
            context.forward(new Record<Object, Object>(seat.seatId(), command, timestamp, new RecordHeaders()), TO_SEAT);
        } else if (destination instanceof CommandRouting.ToRouter) {
            context.forward(new Record<Object, Object>(command.reservationId(), command, timestamp,
                    new RecordHeaders()), TO_ROUTER);
        }
        // Absorbed: a copy of a command the router already resolved as an orphan.
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
