package io.ticketing.app.queries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticketing.app.EmbeddedKafka;
import io.ticketing.events.TicketIssued;
import io.ticketing.serdes.Json;
import io.ticketing.topology.CustomerTicketKeys;
import io.ticketing.topology.StoreNames;
import io.ticketing.topology.TicketCodes;
import io.ticketing.topology.view.CustomerTickets;
import io.ticketing.topology.view.OrderStatus;
import io.ticketing.topology.view.OrderView;
import io.ticketing.topology.view.ReservationStatus;
import io.ticketing.topology.view.ReservationView;
import io.ticketing.topology.view.SeatStatus;
import io.ticketing.topology.view.SeatView;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three instances over one real broker, each store with a standby, serving views written by
 * {@link StandInViews}: the HTTP layer against real streams metadata, stores and rebalances.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandInQueriesTest {

    static final Duration BOUND = Duration.ofSeconds(120);
    static final int PARTITIONS = 3;
    static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
    static final TicketCodes CODES = new TicketCodes(StandInInstance.SECRET);

    @TempDir
    static Path dir;
    static EmbeddedKafka broker;
    static KafkaProducer<String, String> producer;
    static final List<StandInInstance> instances = new ArrayList<>();

    /** path → expected JSON body: the last view written for that key. */
    static final Map<String, Object> expected = new LinkedHashMap<>();
    static final Map<String, List<SeatView>> seatsByShow = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        broker = EmbeddedKafka.start(dir.resolve("kafka"), 0);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(StandInViews.TOPICS.stream()
                    .map(t -> new NewTopic(t, Optional.of(PARTITIONS), Optional.empty())).toList()).all().get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(p);
        for (int i = 0; i < 3; i++) {
            instances.add(StandInInstance.start(broker.bootstrapServers(), dir.resolve("state-" + i), "stand-in-queries"));
        }
        publishViews();
        await().atMost(BOUND).until(() -> instances.stream().allMatch(StandInInstance::running)
                && instances.stream().allMatch(i -> Http.get(i.port, "/health/ready").statusCode() == 200));
    }

    @AfterAll
    static void stop() {
        instances.forEach(StandInInstance::close);
        if (producer != null) {
            producer.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private static void publishViews() {
        Map<String, List<TicketIssued>> byCustomer = new LinkedHashMap<>();
        for (int i = 0; i < 30; i++) {
            String reservationId = "res-" + i;
            String seatId = "seat-" + String.format("%02d", i);
            String show = i < 20 ? "show-a" : "show-b";
            String section = i % 3 == 0 ? "A" : "B";
            boolean paid = i % 2 == 0;
            ReservationView reservation = new ReservationView(reservationId, show, "cust-" + (i % 5), seatId,
                    Integer.toString(i), section, new BigDecimal("40.00"),
                    paid ? ReservationStatus.TICKETED : ReservationStatus.ACTIVE, AT, AT.plusSeconds(900),
                    paid ? "pay-" + i : null, paid ? "ord-" + i : null,
                    paid ? TicketCodes.ticketId(reservationId, AT) : null, AT);
            send(StandInViews.RESERVATIONS, reservationId, reservation);
            expected.put("/reservations/" + reservationId, reservation);

            SeatView seat = new SeatView(seatId, show, Integer.toString(i), section,
                    paid ? SeatStatus.SOLD : SeatStatus.HELD, reservationId, AT);
            send(StandInViews.SEATS, seatId, seat);
            expected.put("/seats/" + seatId, seat);
            seatsByShow.computeIfAbsent(show, s -> new ArrayList<>()).add(seat);

            OrderView order = new OrderView("ord-" + i, "cust-" + (i % 5), List.of(reservationId), "pay-" + i,
                    new BigDecimal("40.00"), "EUR", paid ? OrderStatus.CONFIRMED : OrderStatus.PENDING,
                    paid ? List.of(TicketCodes.ticketId(reservationId, AT)) : List.of(), AT);
            send(StandInViews.ORDERS, order.orderId(), order);
            expected.put("/orders/" + order.orderId(), order);

            if (paid) {
                String number = TicketCodes.ticketNumber(reservationId, AT);
                String ticketId = TicketCodes.ticketIdOf(number);
                TicketIssued ticket = new TicketIssued("1.0", ticketId, number,
                        order.orderId(), "pay-" + i, order.customerId(), show, seatId, seat.seatNumber(), section,
                        TicketCodes.pdfPath(ticketId), CODES.qrCode(number), AT, TicketIssued.STATUS);
                send(StandInViews.TICKETS, ticket.ticketId(), ticket);
                String customerKey = CustomerTicketKeys.key(ticket.customerId(), ticketId);
                int partition = CustomerTicketKeys.PARTITIONER
                        .partitions(StandInViews.CUSTOMER_TICKETS, customerKey, null, PARTITIONS).orElseThrow()
                        .iterator().next();
                send(StandInViews.CUSTOMER_TICKETS, partition, customerKey, ticket);
                expected.put("/tickets/" + ticket.ticketId(), ticket);
                byCustomer.computeIfAbsent(ticket.customerId(), c -> new ArrayList<>()).add(ticket);
            }
        }
        byCustomer.forEach((customer, tickets) -> {
            // Every ticket has the same issuedAt here: oldest first means by ticketId.
            tickets.sort(java.util.Comparator.comparing(TicketIssued::ticketId));
            expected.put("/customers/" + customer + "/tickets", new CustomerTickets(customer, tickets));
        });
        producer.flush();
    }

    private static void send(String topic, String key, Object value) {
        send(topic, null, key, value);
    }

    private static void send(String topic, Integer partition, String key, Object value) {
        try {
            producer.send(new ProducerRecord<>(topic, partition, key, Json.mapper().writeValueAsString(value)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(1)
    void everyInstanceAnswersEveryKeyWithItsView() {
        await().atMost(BOUND).untilAsserted(() -> {
            for (StandInInstance instance : instances) {
                for (Map.Entry<String, Object> key : expected.entrySet()) {
                    HttpResponse<String> response = Http.get(instance.port, key.getKey());
                    assertThat(response.statusCode()).as(key.getKey()).isEqualTo(200);
                    assertThat(Http.json(response)).as(key.getKey()).isEqualTo(Json.mapper().valueToTree(key.getValue()));
                }
            }
        });
        // With three instances, most keys live elsewhere: the hop is real.
        String metrics = Http.get(instances.get(0).port, "/metrics").body();
        assertThat(metrics).contains("ticketing_query_lookups_total{served=\"forwarded\"}")
                .contains("ticketing_store_entries{store=\"" + StoreNames.RESERVATIONS + "\"}")
                .contains("kafka_stream");
    }

    @Test
    @Order(2)
    void showWideQueriesReturnEverySeatExactlyOnceFromEveryInstance() {
        for (StandInInstance instance : instances) {
            for (Map.Entry<String, List<SeatView>> show : seatsByShow.entrySet()) {
                List<String> walked = new ArrayList<>();
                String cursor = null;
                do {
                    JsonNode page = Http.json(Http.get(instance.port, "/events/" + show.getKey() + "/seats?limit=7"
                            + (cursor == null ? "" : "&cursor=" + cursor)));
                    assertThat(page.get("complete").asBoolean()).isTrue();
                    page.get("seats").forEach(seat -> walked.add(seat.get("seatId").asText()));
                    cursor = page.has("nextCursor") ? page.get("nextCursor").asText() : null;
                } while (cursor != null);
                assertThat(walked).doesNotHaveDuplicates()
                        .containsExactlyElementsOf(show.getValue().stream().map(SeatView::seatId).sorted().toList());

                JsonNode summary = Http.json(Http.get(instance.port, "/events/" + show.getKey() + "/summary"));
                assertThat(summary.at("/totals/total").asLong()).isEqualTo(show.getValue().size());
                assertThat(summary.at("/totals/SOLD").asLong())
                        .isEqualTo(show.getValue().stream().filter(s -> s.status() == SeatStatus.SOLD).count());
            }
            JsonNode soldA = Http.json(Http.get(instance.port, "/events/show-a/seats?section=A&status=SOLD"));
            soldA.get("seats").forEach(seat -> {
                assertThat(seat.get("section").asText()).isEqualTo("A");
                assertThat(seat.get("status").asText()).isEqualTo("SOLD");
            });
        }
    }

    @Test
    @Order(3)
    void ticketsVerifyAndRenderFromAnyInstance() {
        TicketIssued ticket = (TicketIssued) expected.get("/tickets/" + TicketCodes.ticketId("res-4", AT));
        for (StandInInstance instance : instances) {
            HttpResponse<String> genuine = Http.get(instance.port, "/tickets/verify/" + ticket.qrCode());
            assertThat(genuine.statusCode()).isEqualTo(200);
            assertThat(Http.json(genuine).get("ticketId").asText()).isEqualTo(ticket.ticketId());
            String forged = new TicketCodes("another-secret-0123456789").qrCode(ticket.ticketNumber());
            assertThat(Http.get(instance.port, "/tickets/verify/" + forged).statusCode()).isEqualTo(403);
            HttpResponse<String> pdf = Http.get(instance.port, ticket.pdfPath());
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.body()).startsWith("%PDF-");
        }
    }

    @Test
    @Order(4)
    void hostileIdsAndUnknownKeysGetTheRight4xx() {
        for (StandInInstance instance : instances) {
            for (String path : List.of("/reservations/a%20b", "/orders/" + "x".repeat(200), "/seats/%3Cscript%3E",
                    "/tickets/..%2F..", "/events/a%7Cb/seats", "/tickets/verify/%00")) {
                HttpResponse<String> response = Http.get(instance.port, path);
                assertThat(response.statusCode()).as(path).isEqualTo(400);
                assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            }
            for (String path : List.of("/reservations/res-unknown", "/orders/ord-unknown", "/seats/seat-unknown",
                    "/tickets/t-unknown", "/customers/nobody/tickets", "/events/no-show/seats")) {
                HttpResponse<String> response = Http.get(instance.port, path);
                assertThat(response.statusCode()).as(path).isEqualTo(404);
                assertThat(response.body()).doesNotContain("localhost");
            }
        }
    }

    @Test
    @Order(5)
    void aLongPollOnAnyInstanceReturnsOnTheTransition() {
        for (int i = 0; i < instances.size(); i++) {
            String orderId = "ord-" + (2 * i + 1);
            OrderView pending = (OrderView) expected.get("/orders/" + orderId);
            CompletableFuture<HttpResponse<String>> poll = Http.getAsync(instances.get(i).port,
                    "/orders/" + orderId + "?waitFor=CONFIRMED&timeout=25s", Duration.ofSeconds(90));
            // The poll is registered on the owner before the transition is published.
            await().atMost(BOUND).until(() -> instances.stream().mapToInt(x -> x.waiters.waiting()).sum() == 1);
            assertThat(poll).isNotDone();
            OrderView confirmed = new OrderView(orderId, pending.customerId(), pending.reservationIds(),
                    pending.paymentId(), pending.amount(), pending.currency(), OrderStatus.CONFIRMED,
                    List.of("ticket-x"), AT.plusSeconds(5));
            send(StandInViews.ORDERS, orderId, confirmed);
            producer.flush();
            expected.put("/orders/" + orderId, confirmed);

            HttpResponse<String> response = poll.join();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(Http.json(response).get("status").asText()).isEqualTo("CONFIRMED");
            assertThat(response.headers().firstValue("X-Ticketing-Wait")).hasValue("reached");
        }
        HttpResponse<String> timedOut = Http.get(instances.get(0).port, "/orders/ord-29?waitFor=CONFIRMED&timeout=300ms");
        assertThat(timedOut.statusCode()).isEqualTo(200);
        assertThat(timedOut.headers().firstValue("X-Ticketing-Wait")).hasValue("timed-out");
    }

    @Test
    @Order(6)
    void whenAnOwnerCannotAnswerItsKeysComeFromStandbysMarkedStale() {
        // Its HTTP is gone but its tasks stay assigned to it: exactly the window a rebalance leaves.
        instances.get(2).closeHttp();
        int stale = 0;
        for (StandInInstance instance : instances.subList(0, 2)) {
            for (Map.Entry<String, Object> key : expected.entrySet()) {
                HttpResponse<String> response = Http.get(instance.port, key.getKey());
                assertThat(response.statusCode()).as(key.getKey()).isEqualTo(200);
                assertThat(Http.json(response)).isEqualTo(Json.mapper().valueToTree(key.getValue()));
                if (response.headers().firstValue("X-Ticketing-Stale").isPresent()) {
                    stale++;
                }
            }
        }
        assertThat(stale).as("keys owned by the silent instance, answered by standbys").isPositive();
        String metrics = Http.get(instances.get(0).port, "/metrics").body();
        assertThat(metrics).contains("ticketing_query_lookups_total{served=\"stale\"}");
    }

    @Test
    @Order(7)
    void stoppingAnInstanceKeepsKeyLookupsAnsweringWithoutA500() {
        StandInInstance stopped = instances.remove(2);
        stopped.close();
        Set<Integer> statuses = new HashSet<>();
        // Until the group has settled again, every answer is the view (maybe stale) or a 503 to retry.
        await().atMost(BOUND).untilAsserted(() -> {
            boolean allFresh = true;
            for (StandInInstance instance : instances) {
                for (Map.Entry<String, Object> key : expected.entrySet()) {
                    HttpResponse<String> response = Http.get(instance.port, key.getKey());
                    statuses.add(response.statusCode());
                    assertThat(response.statusCode()).as(key.getKey()).isIn(200, 503);
                    if (response.statusCode() == 503) {
                        assertThat(response.headers().firstValue("Retry-After")).isPresent();
                        allFresh = false;
                    } else {
                        assertThat(Http.json(response)).isEqualTo(Json.mapper().valueToTree(key.getValue()));
                        allFresh &= response.headers().firstValue("X-Ticketing-Stale").isEmpty();
                    }
                }
            }
            assertThat(allFresh).as("every key answered fresh again").isTrue();
        });
        assertThat(statuses).doesNotContain(500);
    }
}
