package io.ticketing.app;

import io.ticketing.topology.TicketingConfig;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;

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
        p.putAll(topologyDefaults(config));
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        p.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir().toAbsolutePath().toString());
        p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, settings.applicationServer());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, settings.processingGuarantee());
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

    private static Properties topologyDefaults(TicketingConfig config) {
        Properties p = new Properties();
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // KIP-1034: a record our own code fails on goes to the dead-letter topic and the stream goes on.
        p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, config.topics().deadLetter());
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueProcessingExceptionHandler.class.getName());
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueExceptionHandler.class.getName());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return p;
    }
}
