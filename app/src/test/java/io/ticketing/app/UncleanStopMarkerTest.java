package io.ticketing.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.topology.TicketingConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
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

    @Test
    void aKafkaProcessingGuaranteeOverrideToExactlyOnceMakesACrashWipeTheState() {
        UncleanStopMarker marker = new UncleanStopMarker(stateDir);
        marker.mark();

        Properties streams = streamsProperties(Map.of(
                AppSettings.PROCESSING_GUARANTEE, "at_least_once",
                "KAFKA_PROCESSING_GUARANTEE", "exactly_once_v2"));

        assertThat(streams.getProperty("processing.guarantee")).isEqualTo("exactly_once_v2");
        assertThat(marker.wipeNeeded(streams)).isTrue();
    }

    @Test
    void aKafkaProcessingGuaranteeOverrideToAtLeastOnceMeansNoWipe() {
        UncleanStopMarker marker = new UncleanStopMarker(stateDir);
        marker.mark();

        Properties streams = streamsProperties(Map.of(
                AppSettings.PROCESSING_GUARANTEE, "exactly_once_v2",
                "KAFKA_PROCESSING_GUARANTEE", "at_least_once"));

        assertThat(streams.getProperty("processing.guarantee")).isEqualTo("at_least_once");
        assertThat(marker.wipeNeeded(streams)).isFalse();
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

    /** The properties the service gives its streams client for these settings (over the required ones). */
    private Properties streamsProperties(Map<String, String> extra) {
        String secret = "test-secret-0123456789abcdef";
        Map<String, String> values = new HashMap<>(Map.of(
                AppSettings.BOOTSTRAP_SERVERS, "localhost:9092",
                AppSettings.TICKET_SECRET, secret,
                AppSettings.STATE_DIR, stateDir.toString()));
        values.putAll(extra);
        return StreamsProperties.of(AppSettings.from(values), "localhost:9092", TicketingConfig.defaults(secret));
    }
}
