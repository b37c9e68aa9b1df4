package io.ticketing.app;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.ticketing.app.simulate.SimulationOptions;
import io.ticketing.app.simulate.TrafficSimulator;
import io.ticketing.query.QueryServer;
import io.ticketing.query.QueryServerSettings;
import io.ticketing.query.SeatChanges;
import io.ticketing.query.StartingServer;
import io.ticketing.query.ViewWaiters;
import io.ticketing.topology.TicketingConfig;
import io.ticketing.topology.TicketingTopology;
import io.ticketing.topology.ViewListener;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running instance: the HTTP port (live, not ready, while the rest starts), (the embedded
 * broker,) the topics, the streams client with the query server, and (in demo mode) the traffic
 * simulator, started in that order and closed in the reverse one.
 */
public final class TicketingService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TicketingService.class);
    static final Duration STREAMS_CLOSE_TIMEOUT = Duration.ofSeconds(30);
    static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);

    private final AppSettings settings;
    /** In the streams client's effective state.dir; set just before {@code streams}. */
    private UncleanStopMarker stopMarker;
    private EmbeddedKafka embedded;
    private String bootstrapServers;
    private Admin admin;
    private KafkaStreams streams;
    /** Holds the HTTP port until {@code queryServer} takes it over. */
    private StartingServer startingServer;
    private QueryServer queryServer;
    private TrafficSimulator simulator;
    private Thread simulatorThread;
    private ProgressReporter progress;
    private volatile boolean closing;

    private TicketingService(AppSettings settings) {
        this.settings = settings;
    }

    /**
     * Starts everything; returns once the streams client and the HTTP server are started (not
     * necessarily RUNNING yet: {@code /health/ready} says when). Blocks while input topics are missing.
     *
     * @param onFatal called once if the streams client dies for good (state ERROR)
     */
    public static TicketingService start(AppSettings settings, Runnable onFatal) throws InterruptedException {
        TicketingService service = new TicketingService(settings);
        service.startUp(onFatal);
        return service;
    }

    /** Not started yet: lets a caller register {@link #close()} as a shutdown hook before a long start. */
    public static TicketingService create(AppSettings settings) {
        return new TicketingService(settings);
    }

    /** See {@link #start}; returns early, not started, if {@link #close()} is called meanwhile. */
    public void startUp(Runnable onFatal) throws InterruptedException {
        try {
            startAll(onFatal);
        } catch (InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void startAll(Runnable onFatal) throws InterruptedException {
        // HTTP first: a taken port fails the start at once, and a liveness probe gets its answer while
        // the instance waits for a broker or for input topics.
        StartingServer starting = StartingServer.start(settings.httpPort());
        synchronized (this) {
            startingServer = starting;
            if (closing) {
                closeInOrder();
                return;
            }
        }
        if (settings.embedded()) {
            log.info("no {} set: starting an embedded single-node Kafka broker (data in {})",
                    AppSettings.BOOTSTRAP_SERVERS, settings.embeddedDataDir().toAbsolutePath());
            EmbeddedKafka broker = EmbeddedKafka.start(settings.embeddedDataDir(), settings.embeddedPort());
            synchronized (this) {
                embedded = broker;
                if (closing) {
                    closeInOrder();
                    return;
                }
            }
            bootstrapServers = broker.bootstrapServers();
            log.info("Kafka broker ready at {}", bootstrapServers);
        } else {
            bootstrapServers = settings.bootstrapServers().orElseThrow();
        }
        String secret = settings.ticketSecret().orElseGet(
                () -> TicketSecrets.demoSecret(settings.embeddedDataDir().toAbsolutePath().getParent()));
        TicketingConfig config = config(secret);
        ViewWaiters waiters = new ViewWaiters();
        SeatChanges seatChanges = new SeatChanges();
        config = config.withListener(ViewListener.all(waiters, seatChanges));

        Properties clients = StreamsProperties.clients(settings, bootstrapServers);
        synchronized (this) {
            if (closing) {
                return;
            }
            admin = Admin.create(clients);
        }
        TopicSetup topics = new TopicSetup(admin, settings.topicPartitions(), settings.topicReplication());
        if (!topics.awaitBroker(bootstrapServers, () -> !closing)) {
            return;
        }
        topics.createIfMissing(config.topics().outputs());
        topics.createCompactedIfMissing(config.topics().views());
        // Optional for upstream: created (empty) when nobody provides it, so the topology can always read it.
        topics.createCompactedIfMissing(List.of(config.topics().seatInventory()));
        if (settings.embedded()) {
            topics.createIfMissing(config.topics().inputs());
        } else if (!topics.awaitExisting(config.topics().inputs(), () -> !closing)) {
            return;
        }
        topics.createRoutingTopicsIfMissing(config.topics().sources(), config.topics().routeNotices(),
                config.topics().routes(), config.retention());

        synchronized (this) {
            if (closing) {
                return;
            }
            startStreamsAndHttp(config, secret, waiters, seatChanges, onFatal);
            if (settings.demo()) {
                startDemoTraffic(clients, config);
            }
            log.info("ticketing is up: Kafka {}{}, HTTP http://localhost:{} (advertised as {}), application id {},"
                            + " state in {}", bootstrapServers, settings.embedded() ? " (embedded)" : "",
                    queryServer.port(), settings.applicationServer(), settings.applicationId(),
                    stopMarker.stateDir());
        }
    }

    private void startStreamsAndHttp(TicketingConfig config, String secret, ViewWaiters waiters,
                                     SeatChanges seatChanges, Runnable onFatal) {
        Properties streamsProperties = StreamsProperties.of(settings, bootstrapServers, config);
        // Where the client keeps (and cleanUp() wipes) its state: KAFKA_STATE_DIR wins over STATE_DIR.
        stopMarker = UncleanStopMarker.of(streamsProperties);
        streams = new KafkaStreams(TicketingTopology.build(config), streamsProperties);
        streams.setUncaughtExceptionHandler(error -> {
            // A bug on one record is already dead-lettered by the processing handler; anything that
            // still kills a thread gets a fresh thread, never a dead instance or a crash loop.
            log.error("a stream thread died and is being replaced: {}", error.toString(), error);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.setStateListener((now, before) -> {
            log.info("streams client {} -> {}", before, now);
            if (now == KafkaStreams.State.ERROR && !closing) {
                onFatal.run();
            }
        });
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // The query server takes the starting server's port over before any record is processed.
        // Until the streams client is RUNNING, /health/ready says not ready.
        int port = startingServer.port();
        startingServer.close();
        startingServer = null;
        HttpSecuritySettings security = settings.httpSecurity();
        queryServer = QueryServer.start(new QueryServerSettings(port,
                HostInfo.buildFromEndpoint(settings.applicationServer()), secret, Duration.ofSeconds(5),
                security.authentication(), security.tls(), config.topics()),
                streams, waiters, seatChanges, registry);
        if (security.authRequired()) {
            log.info("HTTP API: bearer tokens required ({}), {}", security.authentication(),
                    security.tls().isPresent() ? "HTTPS" : "plain HTTP");
        } else {
            log.warn("HTTP API: authentication is OFF ({}), every caller may read everything; {}",
                    settings.embedded() ? "embedded demo" : HttpSecuritySettings.AUTH + "=off",
                    security.tls().isPresent() ? "HTTPS" : "plain HTTP");
        }
        wipeStateAfterACrash(streamsProperties);
        streams.start();
    }

    /** See {@link UncleanStopMarker} for why a crash under exactly-once means a full restore, up front. */
    private void wipeStateAfterACrash(Properties streamsProperties) {
        // The guarantee the client is given (KAFKA_PROCESSING_GUARANTEE wins over PROCESSING_GUARANTEE); the
        // marker is in the state.dir it is given, the one cleanUp() wipes.
        if (stopMarker.wipeNeeded(streamsProperties)) {
            log.warn("the previous run in {} did not stop cleanly: wiping its local state, every store restores "
                    + "from its changelog", stopMarker.stateDir());
            streams.cleanUp();
        }
        stopMarker.mark();
    }

    private TicketingConfig config(String secret) {
        return TicketingConfig.defaults(secret)
                .withTopics(settings.topics())
                .withExpiryGrace(settings.expiryGrace())
                .withRetention(settings.retention())
                .withOrphanTimeout(settings.orphanTimeout());
    }

    private void startDemoTraffic(Properties clients, TicketingConfig config) {
        SimulationOptions options = SimulationOptions.defaults(settings.demoRate(), System.nanoTime() & 0xFFFFFFFL)
                .withShape(3, 400);
        simulator = new TrafficSimulator(options, config.topics(), clients);
        simulatorThread = new Thread(() -> {
            try {
                simulator.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.error("demo traffic stopped: {}", e.toString());
            }
        }, "demo-traffic");
        simulatorThread.start();
        log.info("demo traffic on: simulating upstream at {} records/s ({}=false turns it off)",
                settings.demoRate(), AppSettings.DEMO);
        progress = new ProgressReporter(clients, config.topics(), simulator::sentSoFar, PROGRESS_INTERVAL);
        progress.start();
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public int httpPort() {
        return queryServer.port();
    }

    public KafkaStreams streams() {
        return streams;
    }

    /** Stops in reverse order; the streams client commits and keeps its local state for the next start. */
    @Override
    public void close() {
        // Outside the lock: a start that is waiting for topics or a broker sees it and gives up.
        closing = true;
        closeInOrder();
    }

    private synchronized void closeInOrder() {
        if (simulator != null) {
            simulator.stop();
            join(simulatorThread);
            simulator = null;
        }
        if (progress != null) {
            progress.close();
            progress = null;
        }
        if (queryServer != null) {
            quietly("HTTP server", queryServer::close);
            queryServer = null;
        }
        if (startingServer != null) {
            quietly("HTTP server", startingServer::close);
            startingServer = null;
        }
        if (streams != null) {
            log.info("closing the streams client (up to {} s)", STREAMS_CLOSE_TIMEOUT.toSeconds());
            KafkaStreams closingStreams = streams;
            // Leave the group: without static membership, the partitions of an instance that just
            // stays silent are only reassigned after the session timeout (45 s), for the survivors and
            // for this instance's own restart alike. Local state is kept either way.
            quietly("streams client", () -> {
                boolean closed = closingStreams.close(CloseOptions
                        .groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                        .withTimeout(STREAMS_CLOSE_TIMEOUT));
                if (closed) {
                    stopMarker.clear(); // committed and checkpointed: the next start keeps the state
                }
            });
            streams = null;
        }
        if (admin != null) {
            Admin closingAdmin = admin;
            quietly("admin client", () -> closingAdmin.close(Duration.ofSeconds(5)));
            admin = null;
        }
        if (embedded != null) {
            log.info("stopping the embedded Kafka broker");
            quietly("embedded Kafka broker", embedded::close);
            embedded = null;
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void quietly(String what, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.warn("closing the {} failed: {}", what, e.toString());
        }
    }
}
