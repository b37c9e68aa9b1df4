package io.ticketing.query;

import io.ticketing.topology.TopicNames;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;

/**
 * @param port           the HTTP port to listen on (0: any free port; {@link QueryServer#port()} tells)
 * @param self           the host:port this instance advertises as {@code application.server}
 * @param ticketSecret   the QR signing key, to verify scanned codes
 * @param forwardTimeout the bound on a call to another instance
 * @param authentication who may call (README, Security); also the credential this instance sends to others
 * @param tls            present: the server speaks only HTTPS and forwards to other instances over HTTPS
 * @param topics         the topics the topology reads and writes, as {@code /asyncapi.json} describes them
 */
public record QueryServerSettings(int port, HostInfo self, String ticketSecret, Duration forwardTimeout,
                                  Authentication authentication, Optional<HttpTls> tls, TopicNames topics) {

    /** With the default topic names. */
    public QueryServerSettings(int port, HostInfo self, String ticketSecret, Duration forwardTimeout,
                               Authentication authentication, Optional<HttpTls> tls) {
        this(port, self, ticketSecret, forwardTimeout, authentication, tls, TopicNames.defaults());
    }
}
