package io.ticketing.topology.internal;

import io.ticketing.events.TicketingEvent;
import io.ticketing.serdes.EventReader;
import io.ticketing.serdes.ReadResult;
import java.util.function.Function;

/** One input topic's reader: its bytes to a validated event, the event to its command. */
public final class InputTopic {

    private final Function<byte[], Decoded> decode;

    private InputTopic(Function<byte[], Decoded> decode) {
        this.decode = decode;
    }

    public static <T extends TicketingEvent> InputTopic of(EventReader<T> reader, Function<T, Command> toCommand) {
        return new InputTopic(bytes -> {
            ReadResult<T> result = reader.read(bytes);
            if (result instanceof ReadResult.Accepted<T> accepted) {
                return new Decoded.Valid(toCommand.apply(accepted.event()));
            }
            ReadResult.Rejected<T> rejected = (ReadResult.Rejected<T>) result;
            return new Decoded.Invalid(rejected.kind(), rejected.reason());
        });
    }

    public Decoded read(byte[] value) {
        return decode.apply(value);
    }
}
