package io.ticketing.topology.internal;

import io.ticketing.events.TicketingEvent;
import io.ticketing.serdes.EventReader;
import io.ticketing.serdes.ReadResult;
import java.util.function.Function;

/** One input topic's reader: its bytes to a validated event, the event to its command. */
public final class InputTopic {

    private static final Decoded IGNORED = new Decoded.Ignored();

    private final Function<byte[], Decoded> decode;
    private final boolean ignoresTombstones;

    private InputTopic(Function<byte[], Decoded> decode, boolean ignoresTombstones) {
        this.decode = decode;
        this.ignoresTombstones = ignoresTombstones;
    }

    public static <T extends TicketingEvent> InputTopic of(EventReader<T> reader, Function<T, Command> toCommand) {
        return new InputTopic(bytes -> {
            ReadResult<T> result = reader.read(bytes);
            if (result instanceof ReadResult.Accepted<T> accepted) {
                return new Decoded.Valid(toCommand.apply(accepted.event()));
            }
            ReadResult.Rejected<T> rejected = (ReadResult.Rejected<T>) result;
            return new Decoded.Invalid(rejected.kind(), rejected.reason());
        }, false);
    }

    /**
     * The same topic, with a null value skipped rather than dead-lettered: on a compacted topic a
     * tombstone is how a key is let go, not a bad record.
     */
    public InputTopic ignoringTombstones() {
        return new InputTopic(decode, true);
    }

    public Decoded read(byte[] value) {
        return value == null && ignoresTombstones ? IGNORED : decode.apply(value);
    }
}
