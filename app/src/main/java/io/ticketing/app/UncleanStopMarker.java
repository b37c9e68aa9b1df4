package io.ticketing.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * A file in the streams client's state directory (its effective {@code state.dir}, see
 * {@link #of(Properties)}) that exists while the service runs and is removed after a clean
 * stop, so that the next start can tell that the previous one ended in a crash ({@code kill -9},
 * an OOM kill, a lost node).
 *
 * <p>Why the service cares: under exactly-once, Kafka Streams treats local state left without a
 * checkpoint as corrupted and wipes it, task by task, when the task is assigned. When that happens
 * during a rebalance, Kafka Streams 4.3 aborts the thread's shared transaction without committing
 * the healthy tasks first ({@code TaskManager#handleCorruption} skips the commit while a rebalance
 * is in progress), and those tasks keep the state changes whose outputs were just aborted: a ticket
 * or refund lost while the state says it was sent. Our chaos run found it (docs/benchmarks.md).
 * Wiping the whole local state once, before the client starts, costs the same restore and never
 * reaches that path.
 */
final class UncleanStopMarker {

    static final String FILE_NAME = ".ticketing-running";

    private final Path stateDir;
    private final Path file;

    UncleanStopMarker(Path stateDir) {
        this.stateDir = stateDir;
        this.file = stateDir.resolve(FILE_NAME);
    }

    /**
     * The marker of the state directory the streams client given {@code streamsProperties} uses, the
     * one {@code KafkaStreams#cleanUp()} wipes: a {@code KAFKA_STATE_DIR} override counts as much as
     * {@code STATE_DIR}, and instances with different state directories never share a marker.
     */
    static UncleanStopMarker of(Properties streamsProperties) {
        return new UncleanStopMarker(stateDir(streamsProperties));
    }

    /**
     * The effective {@code state.dir} of {@code streamsProperties}, absolute: trimmed as Kafka reads a
     * string setting, and Kafka Streams' own default when the property is absent.
     */
    static Path stateDir(Properties streamsProperties) {
        Object dir = streamsProperties.get(StreamsConfig.STATE_DIR_CONFIG);
        if (dir == null) {
            dir = StreamsConfig.configDef().defaultValues().get(StreamsConfig.STATE_DIR_CONFIG);
        }
        return Path.of(String.valueOf(dir).trim()).toAbsolutePath();
    }

    /** The state directory this marker lives in. */
    Path stateDir() {
        return stateDir;
    }

    /** True when a previous run started here and never reached {@link #clear()}. */
    boolean previousRunCrashed() {
        return Files.exists(file);
    }

    /**
     * True when the local state must be wiped before the streams client starts: the previous run
     * crashed and the client runs exactly-once. Decided from {@code streamsProperties}, the ones the
     * client is given, so a {@code KAFKA_PROCESSING_GUARANTEE} override counts as much as
     * {@code PROCESSING_GUARANTEE}.
     */
    boolean wipeNeeded(Properties streamsProperties) {
        return exactlyOnce(streamsProperties) && previousRunCrashed();
    }

    /** Anything but {@code at_least_once}, Kafka Streams' default when the property is absent. */
    static boolean exactlyOnce(Properties streamsProperties) {
        Object guarantee = streamsProperties.getOrDefault(StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
                StreamsConfig.AT_LEAST_ONCE);
        return !StreamsConfig.AT_LEAST_ONCE.equals(String.valueOf(guarantee).trim());
    }

    void mark() {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file
                    + " (the state directory, STATE_DIR or KAFKA_STATE_DIR when set, must be writable)", e);
        }
    }

    void clear() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file, e);
        }
    }
}
