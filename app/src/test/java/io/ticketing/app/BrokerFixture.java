package io.ticketing.app;

import io.ticketing.topology.TopicNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/** Helpers around one real broker per test class. */
final class BrokerFixture {

    static final String SECRET = "test-secret-0123456789abcdef";

    private BrokerFixture() {
    }

    static void createTopics(String bootstrap, List<String> topics, int partitions) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(topics.stream().map(t -> new NewTopic(t, Optional.of(partitions), Optional.empty()))
                    .toList()).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * What a deployment on a cluster must set besides its broker: the ticket secret and the instances'
     * shared credential; auth off, since the tests using this are about the data, not the callers.
     */
    static Map<String, String> clusterSettings(String bootstrap) {
        Map<String, String> s = new HashMap<>();
        s.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        s.put("TICKETING_TICKET_SECRET", SECRET);
        s.put("TICKETING_INSTANCE_SECRET", "test-instance-secret-0123456789");
        s.put("TICKETING_AUTH", "off");
        return s;
    }

    /** The settings of one app instance against {@code bootstrap}, everything else local to the test. */
    static Map<String, String> appSettings(String bootstrap, Path stateDir, String applicationId) {
        int port = freePort();
        Map<String, String> s = clusterSettings(bootstrap);
        s.put("HTTP_PORT", String.valueOf(port));
        s.put("APPLICATION_SERVER", "localhost:" + port);
        s.put("APPLICATION_ID", applicationId);
        s.put("STATE_DIR", stateDir.toString());
        s.put("TICKETING_TOPIC_PARTITIONS", "3");
        // Commit often so read_committed consumers see results quickly.
        s.put("KAFKA_COMMIT_INTERVAL_MS", "100");
        return s;
    }

    static List<String> allTopics() {
        TopicNames t = TopicNames.defaults();
        return java.util.stream.Stream.concat(t.inputs().stream(), t.outputs().stream()).toList();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
