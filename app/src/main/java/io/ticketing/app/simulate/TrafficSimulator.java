package io.ticketing.app.simulate;

import io.ticketing.topology.TopicNames;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link UpstreamScenarios} to Kafka at a steady rate, each record at its due time. Runs until
 * its duration or count is reached (then sends what is still scheduled, at its time, so every
 * reservation's story is complete) or until {@link #stop()}.
 *
 * <p>Pacing: by second {@code t} the simulator has sent {@code rate × t} records. Records already due
 * go first; when none is due, a new reservation is created. So the rate holds whatever the mix.
 */
public final class TrafficSimulator {

    private static final Logger log = LoggerFactory.getLogger(TrafficSimulator.class);

    private final SimulationOptions options;
    private final UpstreamScenarios scenarios;
    private final Properties producerProperties;
    private final PriorityQueue<OutgoingRecord> scheduled = new PriorityQueue<>();
    private final Map<String, LongAdder> sentPerTopic = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> poisonPerKind = new ConcurrentHashMap<>();
    private final AtomicLong failedSends = new AtomicLong();
    private volatile boolean stopRequested;

    /** @param clientProperties bootstrap servers and security; the producer's own settings are added */
    public TrafficSimulator(SimulationOptions options, TopicNames topics, Properties clientProperties) {
        this.options = options;
        this.scenarios = new UpstreamScenarios(options, topics);
        this.producerProperties = new Properties();
        producerProperties.putAll(clientProperties);
        producerProperties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producerProperties.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProperties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        producerProperties.put(ProducerConfig.CLIENT_ID_CONFIG, "ticketing-simulator");
        producerProperties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producerProperties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    }

    /** Sends until done or stopped; returns what the broker acknowledged. */
    public SimulationSummary run() throws InterruptedException {
        long start = System.currentTimeMillis();
        long created = 0;
        long sent = 0;
        Optional<RecordLog> recordLog = options.recordFile().map(RecordLog::new);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties)) {
            while (!stopRequested) {
                long now = System.currentTimeMillis();
                boolean creating = !options.finishedCreating(now - start, created);
                if (!creating && scheduled.isEmpty()) {
                    break;
                }
                long allowed = (now - start) * options.rate() / 1000 + 1;
                if (sent >= allowed) {
                    Thread.sleep(Math.max(1, 1000 / Math.max(1, options.rate())));
                    continue;
                }
                OutgoingRecord head = scheduled.peek();
                if (head != null && head.dueAtMs() <= now) {
                    send(producer, scheduled.poll(), recordLog);
                    sent++;
                } else if (creating) {
                    created += scenarios.next(now, scheduled::add);
                } else {
                    Thread.sleep(Math.min(50, Math.max(1, head.dueAtMs() - now)));
                }
            }
            producer.flush();
        } finally {
            recordLog.ifPresent(RecordLog::close);
        }
        return summary(Duration.ofMillis(System.currentTimeMillis() - start));
    }

    /** Ends {@link #run()} soon, without sending what is still scheduled. */
    public void stop() {
        stopRequested = true;
    }

    /** Records acknowledged so far (for progress lines while running). */
    public long sentSoFar() {
        return sentPerTopic.values().stream().mapToLong(LongAdder::sum).sum();
    }

    private void send(KafkaProducer<byte[], byte[]> producer, OutgoingRecord record, Optional<RecordLog> recordLog) {
        byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
        producer.send(new ProducerRecord<>(record.topic(), key, record.value()), (metadata, error) -> {
            if (error != null) {
                if (failedSends.getAndIncrement() == 0) {
                    log.error("simulator: a send to {} failed: {}", record.topic(), error.toString());
                }
                return;
            }
            sentPerTopic.computeIfAbsent(record.topic(), t -> new LongAdder()).increment();
            if (record.poison()) {
                poisonPerKind.computeIfAbsent(record.poisonKind(), k -> new LongAdder()).increment();
            }
            recordLog.ifPresent(file -> file.write(record, metadata));
        });
    }

    private SimulationSummary summary(Duration elapsed) {
        Map<String, Long> perTopic = new java.util.TreeMap<>();
        sentPerTopic.forEach((topic, n) -> perTopic.put(topic, n.sum()));
        Map<String, Long> perKind = new java.util.TreeMap<>();
        poisonPerKind.forEach((kind, n) -> perKind.put(kind, n.sum()));
        return new SimulationSummary(perTopic, perKind, failedSends.get(), elapsed, options.seed());
    }
}
