package io.ticketing.app;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Maps {@code KAFKA_<NAME>} settings to Kafka client and Streams properties the way the
 * {@code apache/kafka} image maps them to broker properties: drop the prefix, lower-case, then
 * {@code ___} becomes {@code -}, {@code __} becomes {@code _} and {@code _} becomes {@code .}.
 * So {@code KAFKA_SASL_JAAS_CONFIG} is {@code sasl.jaas.config} and SASL/SSL need nothing special.
 */
public final class KafkaEnvProperties {

    static final String PREFIX = "KAFKA_";

    /** JVM and launcher variables that share the prefix but are not properties. */
    private static final Set<String> NOT_PROPERTIES = Set.of(
            "KAFKA_HOME", "KAFKA_VERSION", "KAFKA_OPTS", "KAFKA_HEAP_OPTS", "KAFKA_JVM_PERFORMANCE_OPTS",
            "KAFKA_GC_LOG_OPTS", "KAFKA_JMX_OPTS", "KAFKA_LOG4J_OPTS", "KAFKA_LOG4J_ROOT_LOGLEVEL",
            "KAFKA_TOOLS_LOG4J_LOGLEVEL", "KAFKA_DEBUG");

    private KafkaEnvProperties() {
    }

    public static Map<String, String> from(Map<String, String> settings) {
        Map<String, String> properties = new TreeMap<>();
        settings.forEach((name, value) -> {
            if (name.startsWith(PREFIX) && name.length() > PREFIX.length() && !NOT_PROPERTIES.contains(name)) {
                properties.put(propertyName(name), value);
            }
        });
        return properties;
    }

    static String propertyName(String setting) {
        String name = setting.substring(PREFIX.length()).toLowerCase(Locale.ROOT);
        // Placeholders keep the three rules from stepping on each other.
        return name.replace("___", "\u0001").replace("__", "\u0002").replace('_', '.')
                .replace('\u0001', '-').replace('\u0002', '_');
    }
}
