package io.ticketing.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ticketing.serdes.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances share the input; the second joins while traffic flows, so partitions move between
 * them mid-stream. Every paid reservation still gets exactly one ticket.
 */
class RebalanceEndToEndTest {

    static final Duration BOUND = Duration.ofSeconds(150);
    static final int RESERVATIONS = 300;

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @TempDir
    static Path dir;
    static EmbeddedKafka broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafka.start(dir.resolve("kafka"), 0);
        BrokerFixture.createTopics(broker.bootstrapServers(),
                List.of("reservation-created", "reservation-expired", "payment-succeeded", "payment-failed"), 6);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void aSecondInstanceJoiningMidStreamIssuesExactlyOneTicketPerPaidReservation() throws Exception {
        String bootstrap = broker.bootstrapServers();
        List<PaidReservation> paid = new ArrayList<>();
        for (int i = 0; i < RESERVATIONS; i++) {
            paid.add(PaidReservation.fresh("show-rebalance"));
        }
        Map<String, String> first = BrokerFixture.appSettings(bootstrap, dir.resolve("state-1"), "rebalance");
        first.put("TICKETING_TOPIC_PARTITIONS", "6");
        Map<String, String> second = BrokerFixture.appSettings(bootstrap, dir.resolve("state-2"), "rebalance");
        second.put("TICKETING_TOPIC_PARTITIONS", "6");
        AtomicInteger sent = new AtomicInteger();

        try (Upstream upstream = new Upstream(bootstrap);
             TopicReader reader = new TopicReader(bootstrap, List.of("ticket-issued", "refund-requested"));
             RunningApp one = RunningApp.start(first)) {
            // A third of the traffic before the second instance joins, the rest while it joins.
            CountDownLatch secondJoining = new CountDownLatch(1);
            Thread traffic = new Thread(() -> {
                for (int i = 0; i < RESERVATIONS; i++) {
                    if (i == RESERVATIONS / 3) {
                        awaitQuietly(secondJoining);
                    }
                    upstream.send(paid.get(i));
                    sent.incrementAndGet();
                }
            }, "upstream");
            traffic.start();

            await().atMost(BOUND).until(() -> reader.poll("ticket-issued").size() >= 30);
            try (RunningApp two = RunningApp.start(second)) {
                secondJoining.countDown();
                await().atMost(BOUND).until(() -> one.running() && two.running() && sent.get() == RESERVATIONS);
                traffic.join();
                await().atMost(BOUND).until(() -> reader.poll("ticket-issued").size() >= RESERVATIONS);
            }

            List<ConsumerRecord<byte[], byte[]>> tickets = reader.poll("ticket-issued");
            List<String> orders = RestartEndToEndTest.keys(tickets);
            assertThat(orders).hasSize(RESERVATIONS).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(paid.stream().map(PaidReservation::orderId).toList());
            List<String> seats = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> ticket : tickets) {
                seats.add(Json.mapper().readTree(ticket.value()).get("seatId").asText());
            }
            assertThat(seats).doesNotHaveDuplicates();
            assertThat(reader.poll("refund-requested")).isEmpty();
        }
    }
}
