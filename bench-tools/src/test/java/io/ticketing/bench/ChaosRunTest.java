package io.ticketing.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short chaos run ({@code bench/chaos.sh --short}) as part of {@code mvn verify}: a broker, two
 * instances and the simulator as child JVMs on this test's class path, {@code kill -9} of an
 * instance every 20 s and of the broker once, then the invariant checker, which must find nothing.
 * About three minutes; skip with {@code -Dchaos.skip=true}.
 */
class ChaosRunTest {

    @Test
    void noInvariantBreaksUnderKillsAndABrokerRestart(@TempDir Path work) throws Exception {
        assumeFalse(Boolean.getBoolean("chaos.skip"), "chaos.skip=true");
        Path script = repositoryRoot().resolve("bench/chaos.sh");
        Path output = work.resolve("chaos.out");
        ProcessBuilder chaos = new ProcessBuilder("bash", script.toString(), "--short")
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        // This module's class path holds the service and the tools alike.
        chaos.environment().put("CP", System.getProperty("java.class.path"));
        chaos.environment().put("TOOLS_CP", System.getProperty("java.class.path"));
        chaos.environment().put("WORK", work.resolve("run").toString());
        chaos.environment().put("BROKER_PORT", String.valueOf(freePort()));
        int httpBase = freePort();
        chaos.environment().put("HTTP_BASE", String.valueOf(httpBase < 60000 ? httpBase : 20000));
        chaos.environment().put("SEED", "20261122");
        Process run = chaos.start();
        boolean finished = run.waitFor(7, TimeUnit.MINUTES);
        if (!finished) {
            // The script's trap stops its children on TERM.
            run.destroy();
            run.waitFor(20, TimeUnit.SECONDS);
        }
        String report = Files.readString(output, StandardCharsets.UTF_8);

        assertThat(finished).as("chaos run finished within its bound\n%s", report).isTrue();
        assertThat(report).as(report).contains("RESULT: PASS").contains("broker restarts: 1");
        assertThat(report).containsPattern("payments judged for I3 +[1-9]");
        assertThat(report).containsPattern("I5 reservations compared +[1-9]");
        assertThat(run.exitValue()).as(report).isZero();
    }

    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("bench/chaos.sh"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("bench/chaos.sh not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
