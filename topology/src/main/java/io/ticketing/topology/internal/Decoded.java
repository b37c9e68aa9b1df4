package io.ticketing.topology.internal;

/** The outcome of decoding one input record; lives only between the decoder and the split after it. */
public sealed interface Decoded {

    record Valid(Command command) implements Decoded {
    }

    /** The original key and value bytes, bound for the dead-letter topic (headers ride on the record). */
    record DeadLetter(byte[] key, byte[] value) implements Decoded {
    }
}
