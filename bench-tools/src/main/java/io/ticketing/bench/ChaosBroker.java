package io.ticketing.bench;

import io.ticketing.app.EmbeddedKafka;
import io.ticketing.topology.TopicNames;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * {@code java -cp ticketing-bench-tools.jar io.ticketing.bench.ChaosBroker DATA_DIR PORT [PARTITIONS]}:
 * the app's embedded single-node broker as a process of its own, so a chaos run can {@code kill -9}
 * it and start it again on the same port and data directory. Creates the four input topics (the
 * upstream services' job) on first start, prints {@code BROKER READY localhost:PORT}, then runs until
 * killed.
 */
public final class ChaosBroker {

    private ChaosBroker() {
    }

    public static void main(String[] args) throws Exception {
        Usage.require(args, 2, ChaosBroker.class, "DATA_DIR PORT [PARTITIONS]");
        int port = Integer.parseInt(args[1]);
        int partitions = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        EmbeddedKafka broker = EmbeddedKafka.start(Path.of(args[0]), port);
        if (!broker.bootstrapServers().endsWith(":" + port)) {
            // A restarted broker on another port would be a different experiment: stop instead.
            System.err.println("port " + port + " is taken; the broker would listen on " + broker.bootstrapServers());
            broker.close();
            System.exit(1);
        }
        TopicNames topics = TopicNames.defaults();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (String input : List.of(topics.reservationCreated(), topics.reservationExpired(),
                    topics.paymentSucceeded(), topics.paymentFailed())) {
                if (!existing.contains(input)) {
                    missing.add(new NewTopic(input, Optional.of(partitions), Optional.empty()));
                }
            }
            admin.createTopics(missing).all().get();
        }
        System.out.println("BROKER READY " + broker.bootstrapServers());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
