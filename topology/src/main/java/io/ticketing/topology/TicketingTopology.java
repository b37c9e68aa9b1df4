package io.ticketing.topology;

import org.apache.kafka.streams.Topology;

/**
 * Builds the ticketing topology. See {@code docs/design.md} for its shape.
 */
public final class TicketingTopology {

    private TicketingTopology() {
    }

    public static Topology build(TicketingConfig config) {
        throw new UnsupportedOperationException("not yet built");
    }
}
