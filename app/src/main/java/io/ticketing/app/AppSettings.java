package io.ticketing.app;

import io.ticketing.topology.TicketingConfig;
import io.ticketing.topology.TopicNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every setting of the service, read and checked once at start-up. The README's settings table is
 * this class in prose: keep the two in step.
 *
 * @param kafkaProperties     every {@code KAFKA_<NAME>} setting as a client/Streams property
 *                            (includes {@code bootstrap.servers} when {@code KAFKA_BOOTSTRAP_SERVERS} is set)
 * @param ticketSecret        empty only with the embedded broker, where one is generated and kept
 * @param topicReplication    empty: the broker's {@code default.replication.factor}
 * @param rocksDbMemoryMb     off-heap budget of every RocksDB store of this instance together (block
 *                            cache and memtables), see {@link BoundedRocksDb}
 * @param httpSecurity        authentication, instance credential and TLS of the HTTP API
 */
public record AppSettings(
        Optional<String> bootstrapServers,
        Map<String, String> kafkaProperties,
        int httpPort,
        String applicationServer,
        String applicationId,
        Path stateDir,
        boolean demo,
        int demoRate,
        Duration expiryGrace,
        Duration retention,
        Duration orphanTimeout,
        Optional<String> ticketSecret,
        TopicNames topics,
        int topicPartitions,
        Optional<Short> topicReplication,
        String processingGuarantee,
        Path embeddedDataDir,
        int embeddedPort,
        int rocksDbMemoryMb,
        HttpSecuritySettings httpSecurity) {

    public static final String BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String HTTP_PORT = "HTTP_PORT";
    public static final String APPLICATION_SERVER = "APPLICATION_SERVER";
    public static final String APPLICATION_ID = "APPLICATION_ID";
    public static final String STATE_DIR = "STATE_DIR";
    public static final String PROCESSING_GUARANTEE = "PROCESSING_GUARANTEE";
    public static final String DEMO = "TICKETING_DEMO";
    public static final String DEMO_RATE = "TICKETING_DEMO_RATE";
    public static final String EXPIRY_GRACE_MS = "TICKETING_EXPIRY_GRACE_MS";
    public static final String RETENTION = "TICKETING_RETENTION";
    public static final String ORPHAN_TIMEOUT_MS = "TICKETING_ORPHAN_TIMEOUT_MS";
    public static final String TICKET_SECRET = "TICKETING_TICKET_SECRET";
    public static final String TOPIC_PARTITIONS = "TICKETING_TOPIC_PARTITIONS";
    public static final String TOPIC_REPLICATION = "TICKETING_TOPIC_REPLICATION";
    public static final String TOPIC_PREFIX = "TICKETING_TOPIC_";
    public static final String EMBEDDED_DATA_DIR = "EMBEDDED_KAFKA_DATA_DIR";
    public static final String EMBEDDED_PORT = "EMBEDDED_KAFKA_PORT";
    public static final String ROCKSDB_MEMORY_MB = "TICKETING_ROCKSDB_MEMORY_MB";

    public static final int DEFAULT_HTTP_PORT = 7070;
    public static final int MIN_SECRET_LENGTH = 16;

    private static final List<String> GUARANTEES = List.of("exactly_once_v2", "at_least_once");
    private static final Set<String> TICKETING_SETTINGS = union(HttpSecuritySettings.NAMES, Set.of(DEMO, DEMO_RATE, EXPIRY_GRACE_MS, RETENTION,
            ORPHAN_TIMEOUT_MS, TICKET_SECRET, TOPIC_PARTITIONS, TOPIC_REPLICATION, ROCKSDB_MEMORY_MB, SettingsSource.CONFIG_FILE,
            TOPIC_PREFIX + "RESERVATION_CREATED", TOPIC_PREFIX + "RESERVATION_EXPIRED",
            TOPIC_PREFIX + "PAYMENT_SUCCEEDED", TOPIC_PREFIX + "PAYMENT_FAILED", TOPIC_PREFIX + "TICKET_ISSUED",
            TOPIC_PREFIX + "REFUND_REQUESTED", TOPIC_PREFIX + "DEAD_LETTER", TOPIC_PREFIX + "RESERVATION_VIEWS",
            TOPIC_PREFIX + "TICKET_VIEWS", TOPIC_PREFIX + "CUSTOMER_TICKETS", TOPIC_PREFIX + "ROUTE_NOTICES", TOPIC_PREFIX + "SEAT_INVENTORY"));

    public AppSettings {
        kafkaProperties = Map.copyOf(kafkaProperties);
    }

    /** No {@code KAFKA_BOOTSTRAP_SERVERS}: the service starts its own single-node broker. */
    public boolean embedded() {
        return bootstrapServers.isEmpty();
    }

    public static AppSettings from(Map<String, String> values) {
        rejectUnknownTicketingSettings(values);
        SettingReader read = new SettingReader(values);

        Optional<String> bootstrap = read.optional(BOOTSTRAP_SERVERS);
        bootstrap.ifPresent(AppSettings::checkBootstrap);
        boolean embedded = bootstrap.isEmpty();

        int httpPort = read.integer(HTTP_PORT, DEFAULT_HTTP_PORT, 1, 65535);
        String applicationServer = read.optional(APPLICATION_SERVER)
                .map(AppSettings::checkHostPort)
                .orElse("localhost:" + httpPort);

        String guarantee = read.string(PROCESSING_GUARANTEE, "exactly_once_v2");
        if (!GUARANTEES.contains(guarantee)) {
            throw new BadSettingException(PROCESSING_GUARANTEE, "'" + guarantee + "' is not one of " + GUARANTEES);
        }

        Optional<String> secret = read.optional(TICKET_SECRET);
        if (secret.isPresent() && secret.get().length() < MIN_SECRET_LENGTH) {
            throw new BadSettingException(TICKET_SECRET, "is " + secret.get().length()
                    + " characters long; use at least " + MIN_SECRET_LENGTH + " random characters");
        }
        if (secret.isEmpty() && !embedded) {
            throw new BadSettingException(TICKET_SECRET, "is required with " + BOOTSTRAP_SERVERS
                    + ": it signs every ticket's QR code; give all instances the same random value"
                    + " (e.g. `openssl rand -base64 32`)");
        }

        return new AppSettings(
                bootstrap,
                KafkaEnvProperties.from(values),
                httpPort,
                applicationServer,
                checkApplicationId(read.string(APPLICATION_ID, "ticketing")),
                Path.of(read.string(STATE_DIR, "data/streams")),
                read.bool(DEMO, embedded),
                read.integer(DEMO_RATE, 50, 1, 1_000_000),
                read.millis(EXPIRY_GRACE_MS, TicketingConfig.DEFAULT_EXPIRY_GRACE, Duration.ZERO),
                read.duration(RETENTION, TicketingConfig.DEFAULT_RETENTION, Duration.ofMinutes(1)),
                read.millis(ORPHAN_TIMEOUT_MS, TicketingConfig.DEFAULT_ORPHAN_TIMEOUT, Duration.ofSeconds(1)),
                secret,
                topics(read),
                read.integer(TOPIC_PARTITIONS, 6, 1, 10_000),
                read.optional(TOPIC_REPLICATION).map(v -> (short) read.integer(TOPIC_REPLICATION, 1, 1, 32)),
                guarantee,
                Path.of(read.string(EMBEDDED_DATA_DIR, "data/kafka")),
                read.integer(EMBEDDED_PORT, 9092, 0, 65535),
                // Below 8 MB the memtables alone would flush on nearly every write.
                read.integer(ROCKSDB_MEMORY_MB, 64, 8, 1_048_576),
                HttpSecuritySettings.from(read, embedded));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    /** Topic names alone (the simulator needs these and the Kafka settings, nothing else). */
    public static TopicNames topicsFrom(Map<String, String> values) {
        return topics(new SettingReader(values));
    }

    private static TopicNames topics(SettingReader read) {
        TopicNames d = TopicNames.defaults(checkApplicationId(read.string(APPLICATION_ID, "ticketing")));
        TopicNames topics = new TopicNames(
                topic(read, "RESERVATION_CREATED", d.reservationCreated()),
                topic(read, "RESERVATION_EXPIRED", d.reservationExpired()),
                topic(read, "PAYMENT_SUCCEEDED", d.paymentSucceeded()),
                topic(read, "PAYMENT_FAILED", d.paymentFailed()),
                topic(read, "TICKET_ISSUED", d.ticketIssued()),
                topic(read, "REFUND_REQUESTED", d.refundRequested()),
                topic(read, "DEAD_LETTER", d.deadLetter()),
                topic(read, "RESERVATION_VIEWS", d.reservationViews()),
                topic(read, "TICKET_VIEWS", d.ticketViews()),
                topic(read, "CUSTOMER_TICKETS", d.customerTickets()),
                topic(read, "ROUTE_NOTICES", d.routeNotices()),
                d.routes(),
                topic(read, "SEAT_INVENTORY", d.seatInventory()));
        Set<String> distinct = new TreeSet<>(topics.sources());
        distinct.addAll(topics.outputs());
        distinct.addAll(topics.views());
        if (distinct.size() != topics.sources().size() + topics.outputs().size() + topics.views().size()) {
            throw new BadSettingException(TOPIC_PREFIX + "*", "two topics have the same name: " + topics);
        }
        return topics;
    }

    private static String topic(SettingReader read, String name, String defaultName) {
        String value = read.string(TOPIC_PREFIX + name, defaultName);
        // Kafka's own rule for legal topic names.
        if (!value.matches("[a-zA-Z0-9._-]{1,249}") || value.equals(".") || value.equals("..")) {
            throw new BadSettingException(TOPIC_PREFIX + name, "'" + value
                    + "' is not a legal topic name (letters, digits, '.', '_', '-'; at most 249)");
        }
        return value;
    }

    private static void checkBootstrap(String servers) {
        for (String server : servers.split(",")) {
            checkHostPort(server.trim().replaceFirst("^[A-Za-z_]+://", ""), BOOTSTRAP_SERVERS);
        }
    }

    private static String checkHostPort(String value) {
        return checkHostPort(value, APPLICATION_SERVER);
    }

    private static String checkHostPort(String value, String setting) {
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new BadSettingException(setting, "'" + value + "' is not host:port");
        }
        try {
            int port = Integer.parseInt(value.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new BadSettingException(setting, "'" + value + "' has no valid port after the ':'");
        }
        return value;
    }

    private static String checkApplicationId(String id) {
        if (!id.matches("[a-zA-Z0-9._-]+")) {
            throw new BadSettingException(APPLICATION_ID, "'" + id
                    + "' may only hold letters, digits, '.', '_' and '-' (it names Kafka topics)");
        }
        return id;
    }

    private static void rejectUnknownTicketingSettings(Map<String, String> values) {
        for (String name : values.keySet()) {
            if (name.startsWith("TICKETING_") && !TICKETING_SETTINGS.contains(name)) {
                throw new BadSettingException(name, "unknown setting (a typo?); known TICKETING_ settings: "
                        + new TreeSet<>(TICKETING_SETTINGS));
            }
        }
    }
}
