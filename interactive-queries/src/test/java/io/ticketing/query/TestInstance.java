package io.ticketing.query;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;

/**
 * One query server over fake stores and a fake cluster, with the real HTTP forwarder (so forwarding
 * between two test instances really goes over HTTP) that records where it forwarded.
 */
final class TestInstance implements AutoCloseable {

    static final String SECRET = "test-secret";
    static final String INSTANCE_CREDENTIAL = "test-instance-credential";
    static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(2);

    final FakeStores stores = new FakeStores();
    final FakeCluster cluster = new FakeCluster();
    final ViewWaiters waiters;
    final SeatChanges seatChanges = new SeatChanges();
    final List<String> forwarded = new CopyOnWriteArrayList<>();
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    volatile KafkaStreams.State state = KafkaStreams.State.RUNNING;
    final QueryServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    TestInstance() {
        this(new ViewWaiters());
    }

    TestInstance(ViewWaiters waiters) {
        this(waiters, Authentication.off(INSTANCE_CREDENTIAL));
    }

    /** An instance that requires {@code authentication}. */
    TestInstance(Authentication authentication) {
        this(new ViewWaiters(), authentication);
    }

    TestInstance(ViewWaiters waiters, Authentication authentication) {
        this(waiters, authentication, java.util.Optional.empty());
    }

    /** An instance that serves, and forwards over, HTTPS with {@code tls}. */
    TestInstance(HttpTls tls) {
        this(new ViewWaiters(), Authentication.off(INSTANCE_CREDENTIAL), java.util.Optional.of(tls));
    }

    private TestInstance(ViewWaiters waiters, Authentication authentication, java.util.Optional<HttpTls> tls) {
        this.waiters = waiters;
        QueryPool workers = QueryServer.workerPool();
        HttpForwarder http = new HttpForwarder(FORWARD_TIMEOUT, workers, INSTANCE_CREDENTIAL, tls.map(HttpTls::clientContext));
        Forwarder recording = (host, path, timeout) -> {
            forwarded.add(host.port() + path);
            return http.get(host, path, timeout);
        };
        server = QueryServer.start(new QueryServerSettings(0, new HostInfo("localhost", 0), SECRET, FORWARD_TIMEOUT,
                        authentication, tls),
                cluster, stores, recording, workers, waiters, seatChanges, this::ops, () -> state, registry,
                List.of(workers, seatChanges));
        cluster.self = host();
    }

    private InstanceOps.Snapshot ops() {
        return new InstanceOps.Snapshot("localhost:" + server.port(), state.name(), List.of("1_0"), List.of(),
                2.5, 1.5, 3, java.util.Map.of("payment-succeeded", 1L));
    }

    HostInfo host() {
        return new HostInfo("localhost", server.port());
    }

    HttpResponse<String> get(String path) {
        return get(path, false);
    }

    HttpResponse<String> get(String path, boolean markedForwarded) {
        return getAsync(path, markedForwarded).join();
    }

    CompletableFuture<HttpResponse<String>> getAsync(String path, boolean markedForwarded) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .timeout(Duration.ofSeconds(30));
        if (markedForwarded) {
            // As another instance calls: marked, and with the instances' credential.
            request.header(Forwarder.FORWARDED_HEADER, "1");
            request.header("Authorization", "Bearer " + INSTANCE_CREDENTIAL);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET with {@code headers} (name, value, name, value...) and nothing else. */
    HttpResponse<String> getWith(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).join();
    }

    /** A GET with {@code token} as its bearer token. */
    HttpResponse<String> getAs(String token, String path) {
        return getWith(path, "Authorization", "Bearer " + token);
    }

    HttpResponse<byte[]> getBytes(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A host nothing listens on: an instance that died. */
    static HostInfo deadHost() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return new HostInfo("localhost", socket.getLocalPort());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A host that accepts connections and never answers: an instance that hangs (or a network that
     * drops everything). Close the socket to end it.
     */
    static java.net.ServerSocket silentHost() {
        try {
            // Never accepted: the kernel completes the handshakes into the backlog, nobody reads.
            return new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
