package io.ticketing.app.queries;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.ticketing.query.QueryServer;
import io.ticketing.query.QueryServerSettings;
import io.ticketing.query.ViewWaiters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;

/** One instance over the {@link StandInViews}: a streams client with one standby per store, and its query server. */
final class StandInInstance implements AutoCloseable {

    static final String SECRET = "stand-in-secret-0123456789";

    final int port;
    final KafkaStreams streams;
    final ViewWaiters waiters = new ViewWaiters();
    private final QueryServer server;

    private StandInInstance(String bootstrap, Path stateDir, String applicationId) {
        port = freePort();
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, "localhost:" + port);
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 1);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Notice a stopped instance quickly, so the test does not wait out the default session.
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6_000);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1_000);
        streams = new KafkaStreams(StandInViews.topology(waiters), p);
        streams.start();
        server = QueryServer.start(new QueryServerSettings(port, new HostInfo("localhost", port), SECRET,
                Duration.ofSeconds(3), io.ticketing.query.Authentication.off("stand-in-instance-credential"),
                java.util.Optional.empty()), streams, waiters, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    static StandInInstance start(String bootstrap, Path stateDir, String applicationId) {
        return new StandInInstance(bootstrap, stateDir, applicationId);
    }

    boolean running() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    /** Takes only the HTTP server down: the streams client keeps its tasks, so nobody rebalances. */
    void closeHttp() {
        server.close();
    }

    @Override
    public void close() {
        server.close();
        streams.close(Duration.ofSeconds(30));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
