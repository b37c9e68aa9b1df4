package io.ticketing.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka (KRaft, combined broker and controller) running inside this JVM, for the
 * zero-setting demo run and the end-to-end tests.
 *
 * <p>Why the production server rather than {@code KafkaClusterTestKit}: this is exactly the code path
 * of {@code kafka-storage.sh format} followed by {@code kafka-server-start.sh} ({@link StorageTool}
 * then {@link KafkaRaftServer}), so the demo runs the same broker a deployment does, its data directory
 * survives restarts like a real one, and the app does not ship a test-only artifact. The test kit would
 * buy multi-node clusters, which nothing here needs.
 *
 * <p>The cluster id is written to {@code cluster.id} in the data directory on first start and reused
 * after; formatting ignores an already formatted directory, so a restart keeps every topic.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path dataDir;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers, Path dataDir) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.dataDir = dataDir;
    }

    /**
     * @param dataDir    kept across runs: logs, metadata and the cluster id live here
     * @param brokerPort the client port; 0 picks a free one. If the port is taken, a free one is used
     *                   instead and logged (a developer may already run a broker on 9092).
     */
    public static EmbeddedKafka start(Path dataDir, int brokerPort) {
        try {
            Files.createDirectories(dataDir);
            int port = brokerPort == 0 || !isFree(brokerPort) ? freePort() : brokerPort;
            if (brokerPort != 0 && port != brokerPort) {
                log.warn("port {} is in use; the embedded Kafka broker listens on {} instead", brokerPort, port);
            }
            int controllerPort = freePort();
            Properties props = brokerProperties(dataDir, port, controllerPort);
            Path configFile = dataDir.resolve("server.properties");
            try (OutputStream out = Files.newOutputStream(configFile)) {
                props.store(out, "written by the ticketing app at every start; edits are overwritten");
            }
            format(clusterId(dataDir), configFile);

            KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(props), Time.SYSTEM);
            server.startup();
            return new EmbeddedKafka(server, "localhost:" + port, dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the embedded Kafka data directory " + dataDir, e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    private static Properties brokerProperties(Path dataDir, int port, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        p.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dataDir.resolve("logs").toAbsolutePath().toString());
        // One node: every internal topic has one replica (transactions need this for exactly-once).
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("num.partitions", "6");
        p.put("offsets.topic.num.partitions", "10");
        p.put("transaction.state.log.num.partitions", "10");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        // A demo on a laptop: keep the disk footprint bounded.
        p.put("log.retention.hours", "24");
        p.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        return p;
    }

    private static String clusterId(Path dataDir) throws IOException {
        Path file = dataDir.resolve("cluster.id");
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        String id = Uuid.randomUuid().toString();
        Files.writeString(file, id);
        return id;
    }

    /** {@code kafka-storage.sh format --ignore-formatted}: a no-op on an already formatted directory. */
    private static void format(String clusterId, Path configFile) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status;
        try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            status = StorageTool.execute(new String[] {
                "format", "--cluster-id", clusterId, "--config", configFile.toString(), "--ignore-formatted"},
                print);
        }
        if (status != 0) {
            throw new IllegalStateException("formatting the embedded Kafka storage failed: "
                    + output.toString(StandardCharsets.UTF_8).trim());
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
