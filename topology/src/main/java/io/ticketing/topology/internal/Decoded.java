package io.ticketing.topology.internal;

import io.ticketing.serdes.Rejection;

/** What one input record's bytes decode to: a command, or the reason it is a bad record (CONTRACT §6). */
public sealed interface Decoded {

    record Valid(Command command) implements Decoded {
    }

    record Invalid(Rejection kind, String reason) implements Decoded {
    }

    /** Nothing to do: a tombstone on a compacted input whose records are facts, not commands. */
    record Ignored() implements Decoded {
    }
}
