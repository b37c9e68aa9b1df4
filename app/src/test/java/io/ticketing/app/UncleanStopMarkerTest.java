package io.ticketing.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
}
