package io.ticketing.query;

import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Liveness and readiness. Live means the process is worth keeping: the streams client is starting,
 * running or rebalancing (a restart would not help). Ready means it can answer queries now: RUNNING
 * and its stores open for reading.
 */
final class Health {

    private final Supplier<KafkaStreams.State> state;
    private final BooleanSupplier storesQueryable;

    Health(Supplier<KafkaStreams.State> state, BooleanSupplier storesQueryable) {
        this.state = state;
        this.storesQueryable = storesQueryable;
    }

    Reply live() {
        KafkaStreams.State now = state.get();
        boolean live = now == KafkaStreams.State.CREATED
                || now == KafkaStreams.State.REBALANCING
                || now == KafkaStreams.State.RUNNING;
        return Reply.json(live ? 200 : 503, Map.of("status", live ? "UP" : "DOWN", "state", now.name()));
    }

    Reply ready() {
        KafkaStreams.State now = state.get();
        boolean ready = now == KafkaStreams.State.RUNNING && storesQueryable.getAsBoolean();
        Reply reply = Reply.json(ready ? 200 : 503, Map.of("status", ready ? "UP" : "DOWN", "state", now.name()));
        return ready ? reply : reply.withHeader("Retry-After", Long.toString(Problem.RETRY_AFTER_SECONDS));
    }
}
