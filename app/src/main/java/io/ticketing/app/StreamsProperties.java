package io.ticketing.app;

import io.ticketing.topology.TicketingConfig;
import io.ticketing.topology.TicketingTopology;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The streams client's properties, in layers, later ones winning: the topology's defaults (exactly
 * once, dead-letter queue, continue-on-error handlers), then this instance's settings (application id,
 * state directory, advertised HTTP address, processing guarantee, memory bounds: the RocksDB budget and
 * the fetch sizes, and the waits a record may take: commit interval and linger), then every {@code KAFKA_<NAME>}
 * setting, so an operator can override anything without a new release.
 */
final class StreamsProperties {

    /** The most one fetch response of the main consumer holds (Kafka's default: 50 MB). */
    static final int FETCH_MAX_BYTES = 1024 * 1024;
    /** The most one partition adds to such a response (Kafka's default: 1 MB). */
    static final int PARTITION_FETCH_MAX_BYTES = 256 * 1024;
    /** The most one fetch response of the restore consumer holds (Kafka's default: 50 MB). */
    static final int RESTORE_FETCH_MAX_BYTES = 10 * 1024 * 1024;
    /** The most one changelog partition adds to it: Kafka's default, 1 MB. */
    static final int RESTORE_PARTITION_FETCH_MAX_BYTES = 1024 * 1024;

    /** The commit interval under exactly-once (Kafka's default: 100 ms); see {@link #shortWaits}. */
    static final int EXACTLY_ONCE_COMMIT_INTERVAL_MS = 50;
    /** The stream threads' producer linger (Kafka Streams' default: 100 ms); see {@link #shortWaits}. */
    static final int LINGER_MS = 5;

    private StreamsProperties() {
    }

    static Properties of(AppSettings settings, String bootstrapServers, TicketingConfig config) {
        Properties p = new Properties();
        p.putAll(TicketingTopology.streamsProperties(config));
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        p.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir().toAbsolutePath().toString());
        p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, settings.applicationServer());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, settings.processingGuarantee());
        // Upstream topics may hold history from before this app existed: start from it.
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Every store under one off-heap budget (KAFKA_ROCKSDB_CONFIG_SETTER may still replace it).
        p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDb.class.getName());
        p.put(BoundedRocksDb.MEMORY_BYTES_CONFIG, Long.toString(settings.rocksDbMemoryMb() * 1024L * 1024L));
        boundedFetches(p);
        shortWaits(p, settings.processingGuarantee());
        p.putAll(settings.kafkaProperties());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return p;
    }

    /**
     * Bounded fetch responses for the consumers that read a backlog. Why: a response is read into one
     * heap buffer (Kafka's default: up to 50 MB) and each partition's records are slices of it, so the
     * whole response stays alive until its last partition's records are handed over.
     *
     * <p>The main consumer (inputs and repartition topics): at most {@link #FETCH_MAX_BYTES},
     * {@link #PARTITION_FETCH_MAX_BYTES} a partition. Kafka Streams pauses a partition whose queue is
     * full, and its slice keeps its response alive meanwhile: in a catch-up with Kafka's defaults a
     * stream thread died of {@code OutOfMemoryError}, with 163 MB of a 256 MB heap held by live fetch
     * buffers; with 1 MB responses the same catch-up ran without one, at 256 MB and at 512 MB, and no
     * slower (docs/benchmarks.md §4).
     *
     * <p>The restore consumer (changelogs, standbys): at most {@link #RESTORE_FETCH_MAX_BYTES},
     * {@link #RESTORE_PARTITION_FETCH_MAX_BYTES} a partition. It hands what it fetched to the stores at
     * once, so it does not hold responses as the main consumer does, and a partition's share is what
     * sets the restore time: 1 MB responses of 256 KB shares restored 13 % slower than Kafka's 50 MB of
     * 1 MB shares, 10 MB of 1 MB shares within 3 % of those (docs/benchmarks.md §4).
     *
     * <p>A record batch larger than a bound is still fetched (Kafka returns the first batch whatever its
     * size), so nothing gets stuck. Each {@code KAFKA_MAIN_CONSUMER_…}/{@code KAFKA_RESTORE_CONSUMER_…}
     * setting still overrides these.
     */
    private static void boundedFetches(Properties p) {
        p.put(StreamsConfig.MAIN_CONSUMER_PREFIX + ConsumerConfig.FETCH_MAX_BYTES_CONFIG,
                Integer.toString(FETCH_MAX_BYTES));
        p.put(StreamsConfig.MAIN_CONSUMER_PREFIX + ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                Integer.toString(PARTITION_FETCH_MAX_BYTES));
        p.put(StreamsConfig.RESTORE_CONSUMER_PREFIX + ConsumerConfig.FETCH_MAX_BYTES_CONFIG,
                Integer.toString(RESTORE_FETCH_MAX_BYTES));
        p.put(StreamsConfig.RESTORE_CONSUMER_PREFIX + ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                Integer.toString(RESTORE_PARTITION_FETCH_MAX_BYTES));
    }

    /**
     * How long a record may wait on its way, since a payment is a customer waiting for a ticket.
     * Under exactly-once a record is readable downstream only when its transaction commits, and a
     * payment crosses one repartition before it is decided: it waits for two commits, so the commit
     * interval (Kafka's default for exactly-once: 100 ms) sets the latency. At
     * {@link #EXACTLY_ONCE_COMMIT_INTERVAL_MS} (docs/benchmarks.md §2 has the latency and the
     * throughput it costs). Under at-least-once records are readable once sent, so the producer's
     * linger (Kafka Streams' default: 100 ms) is what a record waits at each hop: {@link #LINGER_MS}.
     * A {@code KAFKA_COMMIT_INTERVAL_MS} or {@code KAFKA_PRODUCER_LINGER_MS} setting overrides these.
     */
    private static void shortWaits(Properties p, String guarantee) {
        if (!StreamsConfig.AT_LEAST_ONCE.equals(guarantee)) {
            p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Integer.toString(EXACTLY_ONCE_COMMIT_INTERVAL_MS));
        }
        p.put(StreamsConfig.PRODUCER_PREFIX + ProducerConfig.LINGER_MS_CONFIG, Integer.toString(LINGER_MS));
    }

    /** Properties for the app's own admin, producer and consumer clients: connection and security only. */
    static Properties clients(AppSettings settings, String bootstrapServers) {
        Properties p = new Properties();
        p.putAll(settings.kafkaProperties());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return p;
    }
}
