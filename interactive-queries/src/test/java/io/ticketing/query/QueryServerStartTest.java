package io.ticketing.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server starts against a real (not yet started) streams client and serves health and metrics. */
class QueryServerStartTest {

    private KafkaStreams streams;
    private QueryServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in").to("out");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "query-server-start-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1");
        streams = new KafkaStreams(builder.build(), props);
        server = QueryServer.start(new QueryServerSettings(0, new HostInfo("localhost", 0), "secret", Duration.ofSeconds(2),
                        Authentication.off("credential"), java.util.Optional.empty()),
                streams, new ViewWaiters(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    @AfterEach
    void stop() {
        server.close();
        streams.close(Duration.ofSeconds(5));
    }

    @Test
    void aCreatedClientIsLiveButNotReady() throws Exception {
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
        HttpResponse<String> ready = get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).contains("CREATED");
    }

    @Test
    void metricsArePrometheusText() throws Exception {
        get("/health/live");
        HttpResponse<String> metrics = get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("ticketing_http_requests_seconds_bucket");
    }

    @Test
    void beforeTheClientRunsEveryQueryIsA503ToRetryNeverA500() throws Exception {
        for (String path : new String[] {"/reservations/res-1", "/orders/ord-1?waitFor=CONFIRMED&timeout=1s",
                "/seats/s-1", "/tickets/t-1", "/tickets/t-1.pdf", "/customers/c-1/tickets",
                "/events/e-1/seats", "/events/e-1/summary"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).as(path).isPresent();
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
