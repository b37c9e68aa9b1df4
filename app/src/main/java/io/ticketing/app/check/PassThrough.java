package io.ticketing.app.check;

import io.ticketing.topology.TopicNames;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The throughput baseline of {@code bench/throughput.sh}: a Kafka Streams app that copies the four
 * input topics to one output topic, bytes unchanged. Same broker, same input, same client
 * settings as the ticketing app, so the ratio between the two is the cost of our topology.
 *
 * <p>{@code java -cp ticketing-app.jar io.ticketing.app.check.PassThrough BOOTSTRAP APPLICATION_ID GUARANTEE STATE_DIR}
 */
public final class PassThrough {

    public static final String OUTPUT = "bench-passthrough-out";

    private PassThrough() {
    }

    public static void main(String[] args) throws Exception {
        TopicNames topics = TopicNames.defaults();
        // The bench broker does not auto-create topics: make the sink like the app makes its outputs.
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", args[0]))) {
            if (!admin.listTopics().names().get().contains(OUTPUT)) {
                admin.createTopics(List.of(new NewTopic(OUTPUT, Optional.of(6), Optional.empty()))).all().get();
            }
        }
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(List.of(topics.reservationCreated(), topics.reservationExpired(), topics.paymentSucceeded(),
                        topics.paymentFailed()), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .to(OUTPUT, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        Properties props = new Properties();
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, args[1]);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, args[2]);
        props.put(StreamsConfig.STATE_DIR_CONFIG, args[3]);
        // Optional 5th argument: stream threads, so the baseline runs with as many as the app under test.
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, args.length > 4 ? args[4] : "1");
        props.put("auto.offset.reset", "earliest");
        KafkaStreams streams = new KafkaStreams(builder.build(), props);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            streams.close();
            stopped.countDown();
        }));
        streams.start();
        stopped.await();
    }
}
