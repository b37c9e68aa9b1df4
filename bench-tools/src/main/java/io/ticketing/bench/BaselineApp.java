package io.ticketing.bench;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * What the throughput baselines ({@link PassThrough}, {@link ShapeFloor}) share: their output topic
 * made like the app makes its outputs (the bench broker does not auto-create topics), the same client
 * settings from the same arguments, and a run until the process is told to stop.
 */
final class BaselineApp {

    private BaselineApp() {
    }

    static void createOutput(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            if (!admin.listTopics().names().get().contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, Optional.of(6), Optional.empty()))).all().get();
            }
        }
    }

    /**
     * @param args BOOTSTRAP APPLICATION_ID GUARANTEE STATE_DIR [THREADS] (stream threads, so a baseline
     *             runs with as many as the app under test; default 1)
     */
    static Properties properties(String... args) {
        Properties props = new Properties();
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, args[1]);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, args[2]);
        props.put(StreamsConfig.STATE_DIR_CONFIG, args[3]);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, args.length > 4 ? args[4] : "1");
        props.put("auto.offset.reset", "earliest");
        return props;
    }

    static void runUntilStopped(Topology topology, Properties props) throws InterruptedException {
        KafkaStreams streams = new KafkaStreams(topology, props);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            streams.close();
            stopped.countDown();
        }));
        streams.start();
        stopped.await();
    }
}
