package io.ticketing.query;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The HTTP layer of one instance (CONTRACT §7). (Stub: the interactive-queries work fills it in.)
 */
public final class QueryServer implements AutoCloseable {

    private final int port;

    private QueryServer(int port) {
        this.port = port;
    }

    public static QueryServer start(QueryServerSettings settings, KafkaStreams streams, ViewWaiters waiters,
                                    PrometheusMeterRegistry registry) {
        throw new UnsupportedOperationException("not yet built");
    }

    /** The port actually bound. */
    public int port() {
        return port;
    }

    @Override
    public void close() {
    }
}
