package io.ticketing.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A bad setting stops the start with one line naming it, status 2, and no stack trace. */
class BadSettingsTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "HTTP_PORT|seventy|HTTP_PORT: 'seventy' is not a whole number",
        "HTTP_PORT|70000|HTTP_PORT: 70000 is out of range",
        "PROCESSING_GUARANTEE|exactly_once|PROCESSING_GUARANTEE: 'exactly_once' is not one of",
        "TICKETING_RETENTION|a week|TICKETING_RETENTION: 'a week' is neither an ISO-8601 duration",
        "TICKETING_EXPIRY_GRACE_MS|-5|TICKETING_EXPIRY_GRACE_MS: -5 ms is too short",
        "TICKETING_DEMO|maybe|TICKETING_DEMO: 'maybe' is not true or false",
        "APPLICATION_SERVER|app-1|APPLICATION_SERVER: 'app-1' is not host:port",
        "TICKETING_TOPIC_TICKET_ISSUED|tickets issued|TICKETING_TOPIC_TICKET_ISSUED: 'tickets issued' is not a legal topic name",
        "TICKETING_TOPIC_ROUTE_NOTICES|route notices|TICKETING_TOPIC_ROUTE_NOTICES: 'route notices' is not a legal topic name",
        "TICKETING_TOPIC_SEAT_INVENTORY|seat inventory|TICKETING_TOPIC_SEAT_INVENTORY: 'seat inventory' is not a legal topic name",
        "TICKETING_TICKET_SECRET|short|TICKETING_TICKET_SECRET: is 5 characters long",
        "TICKETING_RETENTON|P7D|TICKETING_RETENTON: unknown setting",
    })
    void aBadValueIsNamedInOneLine(String setting, String value, String expected) {
        Map<String, String> env = new HashMap<>(Map.of("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092",
                "TICKETING_TICKET_SECRET", BrokerFixture.SECRET));
        env.put(setting, value);

        Outcome outcome = run(env);

        assertThat(outcome.status).isEqualTo(Main.BAD_SETTING);
        assertThat(outcome.stderr.lines().toList()).hasSize(1);
        assertThat(outcome.stderr).contains(expected).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aRealDeploymentWithoutATicketSecretRefusesToStart() {
        Outcome outcome = run(Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092"));

        assertThat(outcome.status).isEqualTo(Main.BAD_SETTING);
        assertThat(outcome.stderr).contains("TICKETING_TICKET_SECRET: is required with KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void theEnvironmentWinsOverTheConfigFileAndKafkaSettingsBecomeProperties() throws Exception {
        Path file = dir.resolve("ticketing.properties");
        Files.writeString(file, String.join("\n",
                "KAFKA_BOOTSTRAP_SERVERS=kafka-1:9092", "HTTP_PORT=8081", "TICKETING_RETENTION=P2D",
                "TICKETING_TICKET_SECRET=" + BrokerFixture.SECRET, "KAFKA_SASL_JAAS_CONFIG=from-file",
                "TICKETING_AUTH=off", "TICKETING_INSTANCE_SECRET=instance-secret-0123456789"));

        Map<String, String> values = SettingsSource.load(file.toString(), Map.of("HTTP_PORT", "9090",
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "KAFKA_SASL_MECHANISM", "PLAIN"));
        AppSettings settings = AppSettings.from(values);

        assertThat(settings.httpPort()).isEqualTo(9090);
        assertThat(settings.applicationServer()).isEqualTo("localhost:9090");
        assertThat(settings.retention()).isEqualTo(java.time.Duration.ofDays(2));
        assertThat(settings.embedded()).isFalse();
        assertThat(settings.demo()).isFalse();
        assertThat(settings.kafkaProperties()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "PLAIN").containsEntry("sasl.jaas.config", "from-file")
                .containsEntry("bootstrap.servers", "kafka-1:9092");
    }

    @Test
    void kafkaSettingNamesMapLikeTheApacheKafkaImage() {
        assertThat(KafkaEnvProperties.propertyName("KAFKA_NUM_STANDBY_REPLICAS")).isEqualTo("num.standby.replicas");
        assertThat(KafkaEnvProperties.propertyName("KAFKA_SOME__UNDERSCORE")).isEqualTo("some_underscore");
        assertThat(KafkaEnvProperties.propertyName("KAFKA_WITH___DASH")).isEqualTo("with-dash");
        assertThat(KafkaEnvProperties.from(Map.of("KAFKA_HEAP_OPTS", "-Xmx1g"))).isEmpty();
    }

    @Test
    void withNoSettingsTheEmbeddedDemoIsTheDefault() {
        AppSettings settings = AppSettings.from(Map.of());

        assertThat(settings.embedded()).isTrue();
        assertThat(settings.demo()).isTrue();
        assertThat(settings.httpPort()).isEqualTo(7070);
        assertThat(settings.applicationId()).isEqualTo("ticketing");
        assertThat(settings.processingGuarantee()).isEqualTo("exactly_once_v2");
        assertThat(settings.ticketSecret()).isEmpty();
    }

    @Test
    void theJarsMainExitsWithStatusTwoAndOneLine() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
        builder.environment().remove("TICKETING_TICKET_SECRET");
        builder.redirectErrorStream(true);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output.strip()).isEqualTo("ticketing: bad setting TICKETING_TICKET_SECRET: is required with"
                + " KAFKA_BOOTSTRAP_SERVERS: it signs every ticket's QR code; give all instances the same random"
                + " value (e.g. `openssl rand -base64 32`)");
    }

    private static Outcome run(Map<String, String> env) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.execute(new String[0], env, new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, err.toString(StandardCharsets.UTF_8));
    }

    private record Outcome(int status, String stderr) {
    }

    private static Map<String, String> cluster(String... more) {
        Map<String, String> values = new java.util.HashMap<>(Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092",
                "TICKETING_TICKET_SECRET", BrokerFixture.SECRET));
        for (int i = 0; i < more.length; i += 2) {
            values.put(more[i], more[i + 1]);
        }
        return values;
    }

    @Test
    void withAClusterTheApiIsClosedAndNeedsAWayToProveCallersAndAnInstanceCredential() {
        assertThatThrownBy(() -> AppSettings.from(cluster("TICKETING_INSTANCE_SECRET", "instance-secret-0123456789")))
                .isInstanceOf(BadSettingException.class).hasMessageStartingWith("TICKETING_AUTH: is required");
        assertThatThrownBy(() -> AppSettings.from(cluster("TICKETING_API_KEYS", "ops-key-0123456789abc:ops:ops")))
                .isInstanceOf(BadSettingException.class).hasMessageStartingWith("TICKETING_INSTANCE_SECRET: is required");
        AppSettings closed = AppSettings.from(cluster("TICKETING_API_KEYS", "ops-key-0123456789abc:ops:ops",
                "TICKETING_INSTANCE_SECRET", "instance-secret-0123456789"));
        assertThat(closed.httpSecurity().authRequired()).isTrue();
        AppSettings open = AppSettings.from(cluster("TICKETING_AUTH", "off",
                "TICKETING_INSTANCE_SECRET", "instance-secret-0123456789"));
        assertThat(open.httpSecurity().authRequired()).isFalse();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "TICKETING_AUTH             | maybe                          | TICKETING_AUTH:",
            "TICKETING_API_KEYS         | short:ops:ops                  | TICKETING_API_KEYS:",
            "TICKETING_API_KEYS         | ops-key-0123456789abc:root:me  | TICKETING_API_KEYS:",
            "TICKETING_API_KEYS         | ops-key-0123456789abc:ops      | TICKETING_API_KEYS:",
            "TICKETING_JWT_SECRET       | too-short                      | TICKETING_JWT_SECRET:",
            "TICKETING_JWKS_URL         | ftp://keys                     | TICKETING_JWKS_URL:",
            "TICKETING_INSTANCE_SECRET  | short                          | TICKETING_INSTANCE_SECRET:",
            "TICKETING_HTTP_KEYSTORE    | /no/such/keystore.p12          | TICKETING_HTTP_KEYSTORE:",
            "TICKETING_HTTP_TRUSTSTORE  | /no/such/truststore.p12        | TICKETING_HTTP_TRUSTSTORE:",
    })
    void badSecuritySettingsAreNamed(String setting, String value, String prefix) {
        assertThatThrownBy(() -> AppSettings.from(cluster("TICKETING_API_KEYS", "ops-key-0123456789abc:ops:ops",
                "TICKETING_INSTANCE_SECRET", "instance-secret-0123456789", setting, value)))
                .isInstanceOf(BadSettingException.class).hasMessageStartingWith(prefix);
    }
}
