package io.ticketing.app;

import io.ticketing.topology.TicketingConfig;
import io.ticketing.topology.TicketingTopology;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The streams client's properties, in layers, later ones winning: the topology's defaults (exactly
 * once, dead-letter queue, continue-on-error handlers), then this instance's settings (application id,
 * state directory, advertised HTTP address, processing guarantee), then every {@code KAFKA_<NAME>}
 * setting, so an operator can override anything without a new release.
 */
final class StreamsProperties {

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
        p.putAll(settings.kafkaProperties());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return p;
    }

    /** Properties for the app's own admin, producer and consumer clients: connection and security only. */
    static Properties clients(AppSettings settings, String bootstrapServers) {
        Properties p = new Properties();
        p.putAll(settings.kafkaProperties());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return p;
    }
}
