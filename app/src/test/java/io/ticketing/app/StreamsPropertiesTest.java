package io.ticketing.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.topology.TicketingConfig;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** The fetch bounds and short waits reach the clients Kafka Streams builds, and an operator's setting still wins. */
class StreamsPropertiesTest {

    private static final Map<String, String> REQUIRED = BrokerFixture.clusterSettings("localhost:9092");

    @Test
    void theMainConsumerFetchesAtMostOneMegabyteAResponse() {
        Map<String, Object> main = streamsConfig(REQUIRED).getMainConsumerConfigs("group", "client", 0);

        assertThat(main.get(ConsumerConfig.FETCH_MAX_BYTES_CONFIG)).hasToString("1048576");
        assertThat(main.get(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG)).hasToString("262144");
    }

    @Test
    void theRestoreConsumerFetchesAtMostTenMegabytesAResponseOneAPartition() {
        Map<String, Object> restore = streamsConfig(REQUIRED).getRestoreConsumerConfigs("client");

        assertThat(restore.get(ConsumerConfig.FETCH_MAX_BYTES_CONFIG)).hasToString("10485760");
        assertThat(restore.get(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG)).hasToString("1048576");
    }

    @Test
    void anOperatorsSettingOverridesTheBound() {
        Map<String, String> values = new HashMap<>(REQUIRED);
        values.put("KAFKA_MAIN_CONSUMER_FETCH_MAX_BYTES", "52428800");

        StreamsConfig config = streamsConfig(values);

        assertThat(config.getMainConsumerConfigs("group", "client", 0).get(ConsumerConfig.FETCH_MAX_BYTES_CONFIG))
                .hasToString("52428800");
        assertThat(config.getRestoreConsumerConfigs("client").get(ConsumerConfig.FETCH_MAX_BYTES_CONFIG))
                .hasToString("10485760");
    }

    @Test
    void exactlyOnceCommitsOftenerThanKafkasDefaultAndProducersLingerBriefly() {
        StreamsConfig config = streamsConfig(REQUIRED);

        assertThat(config.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG))
                .isEqualTo(StreamsProperties.EXACTLY_ONCE_COMMIT_INTERVAL_MS).isLessThan(100L);
        assertThat(config.getProducerConfigs("client").get(ProducerConfig.LINGER_MS_CONFIG))
                .hasToString(Integer.toString(StreamsProperties.LINGER_MS));
    }

    @Test
    void atLeastOnceKeepsKafkasCommitIntervalAndAnOperatorsSettingsWin() {
        Map<String, String> alos = new HashMap<>(REQUIRED);
        alos.put("PROCESSING_GUARANTEE", "at_least_once");
        assertThat(streamsConfig(alos).getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(30_000L);

        Map<String, String> tuned = new HashMap<>(REQUIRED);
        tuned.put("KAFKA_COMMIT_INTERVAL_MS", "200");
        tuned.put("KAFKA_PRODUCER_LINGER_MS", "20");
        StreamsConfig config = streamsConfig(tuned);
        assertThat(config.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(200L);
        assertThat(config.getProducerConfigs("client").get(ProducerConfig.LINGER_MS_CONFIG)).hasToString("20");
    }

    private static StreamsConfig streamsConfig(Map<String, String> values) {
        return new StreamsConfig(StreamsProperties.of(AppSettings.from(values), "localhost:9092",
                TicketingConfig.defaults(BrokerFixture.SECRET)));
    }
}
