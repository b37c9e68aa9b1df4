package io.ticketing.topology;

import io.ticketing.events.PaymentFailed;
import io.ticketing.events.PaymentSucceeded;
import io.ticketing.events.RefundRequested;
import io.ticketing.events.ReservationCreated;
import io.ticketing.events.ReservationExpired;
import io.ticketing.events.TicketIssued;
import io.ticketing.events.TicketingEvent;
import io.ticketing.serdes.JsonSerde;
import io.ticketing.topology.view.CustomerTickets;
import io.ticketing.topology.view.OrderView;
import io.ticketing.topology.view.ReservationView;
import io.ticketing.topology.view.SeatView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The topology in a {@link TopologyTestDriver}, with typed inputs, drained outputs and store readers.
 * The wall clock starts at {@link Events#BASE}; records are stamped with the current wall clock unless
 * a timestamp is given. Closing it closes the driver and deletes its state directory.
 *
 * <p>Inputs are piped as JSON bytes with whatever key the caller chooses ({@code null} by default),
 * because the app never trusts an upstream key.
 */
public final class TopologyHarness implements AutoCloseable {

    public static final String SECRET = "test-secret";
    public static final String APPLICATION_ID = "ticketing";

    private final TicketingConfig config;
    private final TopologyTestDriver driver;
    private final Path stateDir;
    private final TicketCodes codes;
    private final Map<String, TestInputTopic<byte[], byte[]>> inputs = new TreeMap<>();
    private final TestOutputTopic<String, TicketIssued> ticketsOut;
    private final TestOutputTopic<String, RefundRequested> refundsOut;
    private final TestOutputTopic<String, ReservationExpired> expiredOut;
    private final TestOutputTopic<byte[], byte[]> deadLetterOut;
    private Instant now;

    /** Defaults of {@link TicketingConfig}, with a test secret and a 1 s punctuation interval. */
    public static TicketingConfig defaultConfig() {
        return TicketingConfig.defaults(SECRET).withPunctuateInterval(Duration.ofSeconds(1));
    }

    public TopologyHarness() {
        this(defaultConfig());
    }

    public TopologyHarness(TicketingConfig config) {
        this(config, Events.BASE);
    }

    public TopologyHarness(TicketingConfig config, Instant startWallClock) {
        this(config, startWallClock, new Properties());
    }

    /**
     * @param overrides Kafka Streams settings put over {@link TicketingTopology#streamsProperties} (e.g.
     *                  {@code processing.guarantee=at_least_once})
     */
    public TopologyHarness(TicketingConfig config, Instant startWallClock, Properties overrides) {
        this.config = config;
        this.codes = new TicketCodes(config.ticketSecret());
        this.now = startWallClock;
        try {
            // Under the module's build directory when there is one: the OS temp dir may be cleaned under us.
            Path target = Path.of("target");
            this.stateDir = Files.isDirectory(target)
                    ? Files.createTempDirectory(target, "ticketing-ttd-")
                    : Files.createTempDirectory("ticketing-ttd-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties props = new Properties();
        props.putAll(TicketingTopology.streamsProperties(config));
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "ttd:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.putAll(overrides);
        this.driver = new TopologyTestDriver(TicketingTopology.build(config), props, startWallClock);
        for (String topic : config.topics().sources()) {
            inputs.put(topic, driver.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer()));
        }
        TopicNames t = config.topics();
        StringDeserializer keys = new StringDeserializer();
        this.ticketsOut = driver.createOutputTopic(t.ticketIssued(), keys, JsonSerde.of(TicketIssued.class));
        this.refundsOut = driver.createOutputTopic(t.refundRequested(), keys, JsonSerde.of(RefundRequested.class));
        this.expiredOut = driver.createOutputTopic(t.reservationExpired(), keys, JsonSerde.of(ReservationExpired.class));
        this.deadLetterOut = driver.createOutputTopic(t.deadLetter(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    public TopologyTestDriver driver() {
        return driver;
    }

    public TicketingConfig config() {
        return config;
    }

    public TicketCodes codes() {
        return codes;
    }

    /** The driver's wall clock. */
    public Instant now() {
        return now;
    }

    /** Moves the wall clock on, firing due punctuations. */
    public void advance(Duration duration) {
        now = now.plus(duration);
        driver.advanceWallClockTime(duration);
    }

    /** Moves the wall clock to {@code instant} (never backwards). */
    public void advanceTo(Instant instant) {
        if (instant.isAfter(now)) {
            advance(Duration.between(now, instant));
        }
    }

    // ---- inputs ----

    /** Pipes an input event with a null key, stamped with the wall clock. */
    public void pipe(TicketingEvent event) {
        pipe(null, event, now);
    }

    public void pipe(String key, TicketingEvent event) {
        pipe(key, event, now);
    }

    public void pipe(String key, TicketingEvent event, Instant timestamp) {
        pipeRaw(topicOf(event), key == null ? null : key.getBytes(StandardCharsets.UTF_8), Events.json(event),
                new RecordHeaders(), timestamp);
    }

    public void pipeRaw(String topic, byte[] key, byte[] value) {
        pipeRaw(topic, key, value, new RecordHeaders(), now);
    }

    public void pipeRaw(String topic, byte[] key, byte[] value, Headers headers, Instant timestamp) {
        TestInputTopic<byte[], byte[]> input = inputs.get(topic);
        if (input == null) {
            throw new IllegalArgumentException("not an input topic: " + topic);
        }
        input.pipeInput(new TestRecord<>(key, value, headers, timestamp));
    }

    /** The input topic an event belongs on, by its type. */
    public String topicOf(TicketingEvent event) {
        TopicNames t = config.topics();
        if (event instanceof ReservationCreated) {
            return t.reservationCreated();
        }
        if (event instanceof ReservationExpired) {
            return t.reservationExpired();
        }
        if (event instanceof PaymentSucceeded) {
            return t.paymentSucceeded();
        }
        if (event instanceof PaymentFailed) {
            return t.paymentFailed();
        }
        if (event instanceof io.ticketing.events.SeatListed) {
            return t.seatInventory();
        }
        throw new IllegalArgumentException("not an input event: " + event);
    }

    // ---- outputs (each call drains what was written since the last call) ----

    public List<TestRecord<String, TicketIssued>> ticketsIssued() {
        return ticketsOut.readRecordsToList();
    }

    public List<TestRecord<String, RefundRequested>> refundsRequested() {
        return refundsOut.readRecordsToList();
    }

    /** reservation-expired records written by the app itself (its own TTL enforcement). */
    public List<TestRecord<String, ReservationExpired>> reservationsExpired() {
        return expiredOut.readRecordsToList();
    }

    public List<TestRecord<byte[], byte[]>> deadLetters() {
        return deadLetterOut.readRecordsToList();
    }

    /** The string value of a header, or null. */
    public static String header(TestRecord<?, ?> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    // ---- query views ----

    public Optional<ReservationView> reservation(String reservationId) {
        return Optional.ofNullable(this.<ReservationView>store(StoreNames.RESERVATIONS).get(reservationId));
    }

    public Optional<SeatView> seat(String seatId) {
        return Optional.ofNullable(this.<SeatView>store(StoreNames.SEATS).get(seatId));
    }

    public Optional<OrderView> order(String orderId) {
        KeyValueStore<String, ValueAndTimestamp<OrderView>> orders =
                driver.getTimestampedKeyValueStore(StoreNames.ORDERS);
        ValueAndTimestamp<OrderView> entry = orders.get(orderId);
        return Optional.ofNullable(entry == null ? null : entry.value());
    }

    public Optional<TicketIssued> ticket(String ticketId) {
        return Optional.ofNullable(this.<TicketIssued>store(StoreNames.TICKETS).get(ticketId));
    }

    /** The ticket a scanned number leads to, as the HTTP layer finds it: by the ticketId it names. */
    public Optional<TicketIssued> ticketByNumber(String ticketNumber) {
        return ticket(TicketCodes.ticketIdOf(ticketNumber)).filter(t -> t.ticketNumber().equals(ticketNumber));
    }

    /** A customer's tickets, oldest first, read by prefix as the HTTP layer does; empty if none. */
    public Optional<CustomerTickets> customerTickets(String customerId) {
        List<TicketIssued> tickets = new ArrayList<>();
        for (KeyValue<String, TicketIssued> kv : this.<TicketIssued>prefix(StoreNames.CUSTOMER_TICKETS,
                CustomerTicketKeys.prefix(customerId))) {
            tickets.add(kv.value);
        }
        tickets.sort(Comparator.comparing(TicketIssued::issuedAt).thenComparing(TicketIssued::ticketId));
        return tickets.isEmpty() ? Optional.empty() : Optional.of(new CustomerTickets(customerId, tickets));
    }

    /** Every seat of a show, read through the show's index (as the HTTP layer does on each instance), by seatId. */
    public List<SeatView> seatsOfShow(String eventId) {
        List<SeatView> seats = new ArrayList<>();
        KeyValueStore<String, SeatView> all = store(StoreNames.SEATS);
        for (KeyValue<String, String> kv : this.<String>prefix(StoreNames.SHOW_SEATS, StoreNames.showPrefix(eventId))) {
            seats.add(all.get(kv.value));
        }
        seats.sort(Comparator.comparing(SeatView::seatId));
        return seats;
    }

    /** A show's summary: {@code section|status} → count, zero counts left out. */
    public Map<String, Long> summary(String eventId) {
        Map<String, Long> counts = new TreeMap<>();
        String prefix = StoreNames.showPrefix(eventId);
        for (KeyValue<String, Long> kv : this.<Long>prefix(StoreNames.SHOW_SUMMARY, prefix)) {
            if (kv.value != null && kv.value != 0L) {
                counts.merge(kv.key.substring(prefix.length()), kv.value, Long::sum);
            }
        }
        return counts;
    }

    /** Number of entries in any store (views and internal state), to check purges. */
    public long size(String storeName) {
        long n = 0;
        KeyValueStore<Object, ?> store = StoreNames.ORDERS.equals(storeName)
                ? driver.getTimestampedKeyValueStore(storeName) : driver.getKeyValueStore(storeName);
        try (KeyValueIterator<Object, ?> it = store.all()) {
            while (it.hasNext()) {
                it.next();
                n++;
            }
        }
        return n;
    }

    public <V> KeyValueStore<String, V> store(String name) {
        KeyValueStore<String, V> store = driver.getKeyValueStore(name);
        if (store == null) {
            throw new IllegalArgumentException("no key-value store named " + name);
        }
        return store;
    }

    private <V> List<KeyValue<String, V>> prefix(String storeName, String prefix) {
        List<KeyValue<String, V>> out = new ArrayList<>();
        try (KeyValueIterator<String, V> it = this.<V>store(storeName)
                .prefixScan(prefix, new org.apache.kafka.common.serialization.StringSerializer())) {
            it.forEachRemaining(out::add);
        }
        return out;
    }

    @Override
    public void close() {
        try {
            driver.close();
        } finally {
            deleteQuietly(stateDir);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp dir is harmless
        }
    }
}
