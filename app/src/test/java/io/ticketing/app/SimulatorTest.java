package io.ticketing.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticketing.app.simulate.SimulateCommand;
import io.ticketing.app.simulate.SimulationSummary;
import io.ticketing.app.simulate.TrafficSimulator;
import io.ticketing.serdes.Json;
import io.ticketing.topology.TopicNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator against a real broker: what it reports, records and sends agree. */
class SimulatorTest {

    @TempDir
    static Path dir;
    static EmbeddedKafka broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafka.start(dir.resolve("kafka"), 0);
        BrokerFixture.createTopics(broker.bootstrapServers(), TopicNames.defaults().inputs(), 3);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void sendsTheMixItReportsAndRecordsEveryRecord() throws Exception {
        Path recordFile = dir.resolve("sent.jsonl");
        SimulateCommand.Parsed parsed = SimulateCommand.parse(new String[] {
            "--rate", "2000", "--count", "600", "--seed", "42", "--ttl", "2s", "--poison", "20",
            "--record", recordFile.toString(), "--bootstrap", broker.bootstrapServers()}, Map.of());

        SimulationSummary summary = new TrafficSimulator(parsed.options(), parsed.topics(),
                parsed.clientProperties()).run();

        assertThat(summary.failedSends()).isZero();
        assertThat(summary.sent()).isGreaterThanOrEqualTo(600);
        assertThat(summary.poison()).isPositive();
        assertThat(summary.sentPerTopic()).containsKeys("reservation-created", "payment-succeeded",
                "payment-failed", "reservation-expired");

        List<String> lines = Files.readAllLines(recordFile);
        assertThat(lines).hasSize((int) summary.sent());
        List<JsonNode> records = new ArrayList<>();
        for (String line : lines) {
            records.add(Json.mapper().readTree(line));
        }
        assertThat(records.stream().filter(r -> r.has("poison")).count()).isEqualTo(summary.poison());
        assertThat(records.stream().filter(r -> r.has("value"))
                .allMatch(r -> r.get("value").has("status"))).isTrue();

        try (TopicReader reader = new TopicReader(broker.bootstrapServers(), TopicNames.defaults().inputs())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> reader.poll().size() >= summary.sent());
            List<ConsumerRecord<byte[], byte[]>> onTopics = reader.poll();
            assertThat(onTopics).hasSize((int) summary.sent());
            summary.sentPerTopic().forEach((topic, n) ->
                    assertThat(onTopics.stream().filter(r -> r.topic().equals(topic)).count())
                            .as(topic).isEqualTo(n));
        }
    }
}
