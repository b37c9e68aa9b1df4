package io.ticketing.query;

import io.ticketing.topology.TopicNames;
import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;

/**
 * @param port           the HTTP port to listen on (0: any free port; {@link QueryServer#port()} tells)
 * @param self           the host:port this instance advertises as {@code application.server}
 * @param ticketSecret   the QR signing key, to verify scanned codes
 * @param forwardTimeout the bound on a call to another instance
 * @param topics         the topics the topology reads and writes, as {@code /asyncapi.json} describes them
 */
public record QueryServerSettings(int port, HostInfo self, String ticketSecret, Duration forwardTimeout,
                                  TopicNames topics) {

    /** With the default topic names. */
    public QueryServerSettings(int port, HostInfo self, String ticketSecret, Duration forwardTimeout) {
        this(port, self, ticketSecret, forwardTimeout, TopicNames.defaults());
    }
}
