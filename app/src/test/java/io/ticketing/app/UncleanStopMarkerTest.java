package io.ticketing.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.topology.TicketingConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

class UncleanStopMarkerTest {

    @TempDir
    Path stateDir;

    @Test
    void aRunThatNeverClearedItsMarkerIsSeenAsACrashByTheNextStart() {
        assertThat(new UncleanStopMarker(stateDir.resolve("fresh")).previousRunCrashed()).isFalse();

        new UncleanStopMarker(stateDir).mark(); // started, then killed: nothing cleared it

        assertThat(new UncleanStopMarker(stateDir).previousRunCrashed()).isTrue();
    }

    @Test
    void aCleanStopClearsIt() {
        UncleanStopMarker marker = new UncleanStopMarker(stateDir);
        marker.mark();
        marker.clear();

        assertThat(new UncleanStopMarker(stateDir).previousRunCrashed()).isFalse();
    }

    @ParameterizedTest(name = "PROCESSING_GUARANTEE={0}, KAFKA_PROCESSING_GUARANTEE={1}: wipe after a crash {2}")
    @CsvSource({"at_least_once, exactly_once_v2, true", "exactly_once_v2, at_least_once, false"})
    void aKafkaProcessingGuaranteeOverrideDecidesWhetherACrashWipesTheState(String setting, String override,
            boolean wipe) {
        UncleanStopMarker marker = new UncleanStopMarker(stateDir);
        marker.mark();

        Properties streams = streamsProperties(Map.of(
                AppSettings.PROCESSING_GUARANTEE, setting,
                "KAFKA_PROCESSING_GUARANTEE", override));

        assertThat(streams.getProperty("processing.guarantee")).isEqualTo(override);
        assertThat(marker.wipeNeeded(streams)).isEqualTo(wipe);
    }

    @Test
    void withoutAnOverrideProcessingGuaranteeDecidesAndACleanStopNeverWipes() {
        UncleanStopMarker marker = new UncleanStopMarker(stateDir);
        Properties exactlyOnce = streamsProperties(Map.of());
        Properties atLeastOnce = streamsProperties(Map.of(AppSettings.PROCESSING_GUARANTEE, "at_least_once"));

        assertThat(marker.wipeNeeded(exactlyOnce)).isFalse(); // no marker: the last stop was clean
        marker.mark();
        assertThat(marker.wipeNeeded(exactlyOnce)).isTrue();
        assertThat(marker.wipeNeeded(atLeastOnce)).isFalse();
    }

    @Test
    void withAKafkaStateDirOverrideTheMarkerLivesInTheDirectoryTheClientUses() {
        Path kafkaStateDir = stateDir.resolve("kafka-state");
        Properties streams = streamsProperties(Map.of("KAFKA_STATE_DIR", kafkaStateDir.toString()));
        assertThat(streams.getProperty("state.dir")).isEqualTo(kafkaStateDir.toString());

        UncleanStopMarker marker = UncleanStopMarker.of(streams);
        marker.mark();

        assertThat(marker.stateDir()).isEqualTo(kafkaStateDir.toAbsolutePath());
        assertThat(kafkaStateDir.resolve(UncleanStopMarker.FILE_NAME)).exists();
        assertThat(stateDir.resolve(UncleanStopMarker.FILE_NAME)).doesNotExist();
    }

    @Test
    void withAKafkaStateDirOverrideACrashMarkerThereWipesAndOneInStateDirDoesNot() {
        Path kafkaStateDir = stateDir.resolve("kafka-state");
        Properties streams = streamsProperties(Map.of("KAFKA_STATE_DIR", kafkaStateDir.toString()));

        new UncleanStopMarker(stateDir).mark(); // STATE_DIR's marker: not the directory the client wipes
        assertThat(UncleanStopMarker.of(streams).wipeNeeded(streams)).isFalse();

        new UncleanStopMarker(kafkaStateDir).mark(); // the previous run, same settings, was killed
        assertThat(UncleanStopMarker.of(streams).wipeNeeded(streams)).isTrue();
    }

    @Test
    void instancesSharingStateDirButNotKafkaStateDirDoNotShareAMarker() {
        Properties first = streamsProperties(Map.of("KAFKA_STATE_DIR", stateDir.resolve("a").toString()));
        Properties second = streamsProperties(Map.of("KAFKA_STATE_DIR", stateDir.resolve("b").toString()));

        UncleanStopMarker.of(first).mark(); // the first one runs (or was killed)

        assertThat(UncleanStopMarker.of(first).wipeNeeded(first)).isTrue();
        assertThat(UncleanStopMarker.of(second).wipeNeeded(second)).isFalse();
    }

    @Test
    void withoutAKafkaStateDirOverrideTheMarkerLivesInStateDir() {
        Properties streams = streamsProperties(Map.of());
        UncleanStopMarker marker = UncleanStopMarker.of(streams);

        assertThat(marker.stateDir()).isEqualTo(stateDir.toAbsolutePath());
        assertThat(marker.wipeNeeded(streams)).isFalse();
        marker.mark();
        assertThat(stateDir.resolve(UncleanStopMarker.FILE_NAME)).exists();
        assertThat(UncleanStopMarker.of(streams).wipeNeeded(streams)).isTrue();
    }

    @Test
    void theEffectiveStateDirIsTrimmedAndKafkaStreamsDefaultWhenAbsent() {
        Properties padded = new Properties();
        padded.put("state.dir", " " + stateDir + " ");
        assertThat(UncleanStopMarker.stateDir(padded)).isEqualTo(stateDir.toAbsolutePath());

        assertThat(UncleanStopMarker.stateDir(new Properties()))
                .isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "kafka-streams").toAbsolutePath());
    }

    /** The properties the service gives its streams client for these settings (over the required ones). */
    private Properties streamsProperties(Map<String, String> extra) {
        Map<String, String> values = BrokerFixture.clusterSettings("localhost:9092");
        values.put(AppSettings.STATE_DIR, stateDir.toString());
        values.putAll(extra);
        return StreamsProperties.of(AppSettings.from(values), "localhost:9092",
                TicketingConfig.defaults(BrokerFixture.SECRET));
    }
}
