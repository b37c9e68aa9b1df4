package io.ticketing.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticketing.topology.TopicNames;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An instance whose input topics do not exist yet waits for them, and meanwhile its HTTP port
 * answers: live (a liveness probe must not restart it in a loop), not ready, every other route 503.
 * Once the upstream services create their topics, it becomes ready on the same port.
 */
class StartupHealthEndToEndTest {

    static final Duration BOUND = Duration.ofSeconds(120);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path dir;
    static EmbeddedKafka broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafka.start(dir.resolve("kafka"), 0);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void liveButNotReadyWhileInputTopicsAreMissingThenReadyOnceTheyExist() throws Exception {
        Map<String, String> settings = BrokerFixture.appSettings(broker.bootstrapServers(), dir.resolve("state"),
                "waiting-for-topics");
        int port = Integer.parseInt(settings.get(AppSettings.HTTP_PORT));
        TicketingService service = TicketingService.create(AppSettings.from(settings));
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread start = new Thread(() -> {
            try {
                service.startUp(() -> failed.set(new AssertionError("streams client failed")));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failed.set(e);
            }
        }, "start-up");
        start.start();
        try {
            await().atMost(BOUND).until(() -> status(port, "/health/live") == 200);
            // The output topics are made before the wait for inputs: the app has reached its wait.
            await().atMost(BOUND).until(() -> topicExists(TopicNames.defaults().ticketIssued()));
            assertThat(get(port, "/health/live").body()).contains("\"UP\"").contains("STARTING");
            HttpResponse<String> ready = get(port, "/health/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.headers().firstValue("Retry-After")).isPresent();
            HttpResponse<String> query = get(port, "/reservations/r-1");
            assertThat(query.statusCode()).isEqualTo(503);
            assertThat(query.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(query.body()).doesNotContain("Exception");
            assertThat(start.isAlive()).as("still waiting for the input topics").isTrue();

            BrokerFixture.createTopics(broker.bootstrapServers(), TopicNames.defaults().inputs(), 3);

            await().atMost(BOUND).until(() -> status(port, "/health/ready") == 200);
            assertThat(status(port, "/health/live")).isEqualTo(200);
            assertThat(get(port, "/health/live").body()).contains("RUNNING");
            start.join(BOUND.toMillis());
            assertThat(failed.get()).isNull();
        } finally {
            service.close();
            start.join(BOUND.toMillis());
        }
    }

    private static boolean topicExists(String topic) throws Exception {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(
                Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()))) {
            return admin.listTopics().names().get().contains(topic);
        }
    }

    /** The status, or -1 while nothing listens (the port is not bound yet). */
    private static int status(int port, String path) {
        try {
            return get(port, path).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
