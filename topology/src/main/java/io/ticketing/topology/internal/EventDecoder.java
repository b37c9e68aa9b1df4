package io.ticketing.topology.internal;

import io.ticketing.events.TicketingEvent;
import io.ticketing.serdes.EventReader;
import io.ticketing.serdes.ReadResult;
import io.ticketing.topology.DeadLetterHeaders;
import io.ticketing.topology.OwnExpiry;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Decodes one input topic's raw bytes. A valid event becomes a {@link Command} keyed by its
 * reservationId, whatever key upstream gave it (CONTRACT §1). A bad one (§6) is passed on with its
 * original key and value bytes and headers saying where it came from and why, for the dead-letter
 * topic. Doing this here rather than in a deserializer keeps parse and validation failures on one
 * path, with the original bytes, visible to TopologyTestDriver.
 */
public final class EventDecoder<T extends TicketingEvent> implements Processor<byte[], byte[], String, Decoded> {

    private final String topic;
    private final EventReader<T> reader;
    private final Function<T, Command> toCommand;
    private ProcessorContext<String, Decoded> context;
    private Sensor applied;
    private Sensor deadLettered;

    public EventDecoder(String topic, EventReader<T> reader, Function<T, Command> toCommand) {
        this.topic = topic;
        this.reader = reader;
        this.toCommand = toCommand;
    }

    @Override
    public void init(ProcessorContext<String, Decoded> context) {
        this.context = context;
        this.applied = Sensors.counter(context, topic, Sensors.APPLIED);
        this.deadLettered = Sensors.counter(context, topic, Sensors.DEAD_LETTERED);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        if (OwnExpiry.isOwn(record.headers())) {
            applied.record(); // applied when it was written: see OwnExpiry
            return;
        }
        ReadResult<T> result = reader.read(record.value());
        if (result instanceof ReadResult.Accepted<T> accepted) {
            Command command = toCommand.apply(accepted.event());
            // Upstream headers stay upstream: our outputs carry only what we put on them.
            context.forward(new Record<String, Decoded>(command.reservationId(), new Decoded.Valid(command),
                    record.timestamp(), new RecordHeaders()));
            applied.record();
            return;
        }
        ReadResult.Rejected<T> rejected = (ReadResult.Rejected<T>) result;
        Headers headers = new RecordHeaders(record.headers().toArray());
        RecordMetadata meta = context.recordMetadata().orElse(null);
        put(headers, DeadLetterHeaders.TOPIC, meta == null ? topic : meta.topic());
        put(headers, DeadLetterHeaders.PARTITION, meta == null ? "-1" : String.valueOf(meta.partition()));
        put(headers, DeadLetterHeaders.OFFSET, meta == null ? "-1" : String.valueOf(meta.offset()));
        put(headers, DeadLetterHeaders.TIMESTAMP, String.valueOf(record.timestamp()));
        put(headers, DeadLetterHeaders.ERROR_CLASS, rejected.kind().name());
        put(headers, DeadLetterHeaders.REASON, rejected.reason());
        context.forward(new Record<String, Decoded>(null, new Decoded.DeadLetter(record.key(), record.value()),
                record.timestamp(), headers));
        deadLettered.record();
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
