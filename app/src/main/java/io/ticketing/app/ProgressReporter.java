package io.ticketing.app;

import io.ticketing.topology.TopicNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's heartbeat: every few seconds, one line with what the app has committed so far (tickets,
 * refunds, dead letters, read back from its output topics with {@code read_committed}, as a downstream
 * consumer sees them) and what the simulator has sent. So a newcomer sees it working at a glance.
 */
final class ProgressReporter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProgressReporter.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final TopicNames topics;
    private final LongSupplier simulatorSent;
    private final Duration interval;
    private final Thread thread;
    private volatile boolean closed;

    ProgressReporter(Properties clientProperties, TopicNames topics, LongSupplier simulatorSent, Duration interval) {
        Properties p = new Properties();
        p.putAll(clientProperties);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "ticketing-progress");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        this.consumer = new KafkaConsumer<>(p);
        this.topics = topics;
        this.simulatorSent = simulatorSent;
        this.interval = interval;
        this.thread = new Thread(this::run, "ticketing-progress");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        long tickets = 0;
        long refunds = 0;
        long deadLetters = 0;
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics.outputs()) {
                for (PartitionInfo info : consumer.partitionsFor(topic)) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long nextLine = System.currentTimeMillis() + interval.toMillis();
            while (!closed) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.topic().equals(topics.ticketIssued())) {
                        tickets++;
                    } else if (record.topic().equals(topics.refundRequested())) {
                        refunds++;
                    } else {
                        deadLetters++;
                    }
                }
                if (System.currentTimeMillis() >= nextLine) {
                    log.info("so far: {} tickets issued, {} refunds requested, {} records dead-lettered"
                            + " (simulator sent {})", tickets, refunds, deadLetters, simulatorSent.getAsLong());
                    nextLine += interval.toMillis();
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            if (!closed) {
                log.warn("progress lines stopped: {}", e.toString());
            }
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    @Override
    public void close() {
        closed = true;
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
