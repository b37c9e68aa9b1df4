package io.ticketing.app.queries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticketing.app.AppSettings;
import io.ticketing.app.EmbeddedKafka;
import io.ticketing.app.TicketingService;
import io.ticketing.events.PaymentSucceeded;
import io.ticketing.events.ReservationCreated;
import io.ticketing.serdes.Json;
import io.ticketing.topology.StoreNames;
import io.ticketing.topology.TicketCodes;
import io.ticketing.topology.TopicNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole service, three instances over one real broker with a standby per task: upstream events in,
 * and every instance answers every key with the fold of that key's events (I5).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AppQueriesTest {

    static final Duration BOUND = Duration.ofSeconds(150);
    static final String SECRET = "app-queries-secret-0123456789";
    static final TicketCodes CODES = new TicketCodes(SECRET);
    static final String SHOW = "show-iq";
    static final int PAID = 24;
    static final int UNPAID = 6;

    @TempDir
    static Path dir;
    static EmbeddedKafka broker;
    static KafkaProducer<String, String> upstream;
    static final List<TicketingService> instances = new ArrayList<>();
    static final List<Booking> paid = new ArrayList<>();
    static final List<Booking> unpaid = new ArrayList<>();

    /** One reservation on its own seat, and the payment for it. */
    record Booking(ReservationCreated reservation, PaymentSucceeded payment) {
        String ticketId() {
            return TicketCodes.ticketId(reservation.reservationId(), reservation.createdAt());
        }

        String ticketNumber() {
            return TicketCodes.ticketNumber(reservation.reservationId(), reservation.createdAt());
        }
    }

    @BeforeAll
    static void start() {
        broker = EmbeddedKafka.start(dir.resolve("kafka"), 0);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.createTopics(TopicNames.defaults().inputs().stream()
                    .map(t -> new NewTopic(t, Optional.of(3), Optional.empty())).toList()).all().get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        upstream = new KafkaProducer<>(p);
        for (int i = 0; i < 3; i++) {
            instances.add(startInstance(i));
        }
        await().atMost(BOUND).until(() -> instances.stream().allMatch(s -> s.streams().state() == KafkaStreams.State.RUNNING));

        for (int i = 0; i < PAID + UNPAID; i++) {
            Booking booking = booking("seat-" + String.format("%02d", i), "cust-" + (i % 4));
            send(TopicNames.defaults().reservationCreated(), booking.reservation().seatId(), booking.reservation());
            if (i < PAID) {
                send(TopicNames.defaults().paymentSucceeded(), booking.payment().paymentId(), booking.payment());
                paid.add(booking);
            } else {
                unpaid.add(booking);
            }
        }
        upstream.flush();
    }

    @AfterAll
    static void stop() {
        instances.forEach(TicketingService::close);
        if (upstream != null) {
            upstream.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private static TicketingService startInstance(int n) {
        int port = freePort();
        Map<String, String> s = new HashMap<>();
        s.put(AppSettings.BOOTSTRAP_SERVERS, broker.bootstrapServers());
        s.put(AppSettings.HTTP_PORT, Integer.toString(port));
        s.put(AppSettings.APPLICATION_SERVER, "localhost:" + port);
        s.put(AppSettings.APPLICATION_ID, "app-queries");
        s.put(AppSettings.STATE_DIR, dir.resolve("state-" + n).toString());
        s.put(AppSettings.TICKET_SECRET, SECRET);
        s.put(AppSettings.TOPIC_PARTITIONS, "3");
        // Forwarding between the two instances carries the shared credential; callers are not this test's subject.
        s.put("TICKETING_INSTANCE_SECRET", "app-queries-instance-secret-0123");
        s.put("TICKETING_AUTH", "off");
        s.put("KAFKA_COMMIT_INTERVAL_MS", "100");
        s.put("KAFKA_NUM_STANDBY_REPLICAS", "1");
        // Notice a stopped instance quickly rather than after the default session timeout.
        s.put("KAFKA_CONSUMER_SESSION_TIMEOUT_MS", "6000");
        s.put("KAFKA_CONSUMER_HEARTBEAT_INTERVAL_MS", "1000");
        try {
            return TicketingService.start(AppSettings.from(s), () -> { });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(1)
    void everyInstanceAnswersEveryKeyWithTheFoldOfItsEvents() {
        await().atMost(BOUND).untilAsserted(() -> {
            for (TicketingService instance : instances) {
                int port = instance.httpPort();
                for (Booking b : paid) {
                    JsonNode reservation = ok(port, "/reservations/" + b.reservation().reservationId());
                    assertThat(reservation.get("status").asText()).isEqualTo("TICKETED");
                    assertThat(reservation.get("seatId").asText()).isEqualTo(b.reservation().seatId());
                    assertThat(reservation.get("eventId").asText()).isEqualTo(SHOW);
                    assertThat(reservation.get("customerId").asText()).isEqualTo(b.reservation().customerId());
                    assertThat(reservation.get("paymentId").asText()).isEqualTo(b.payment().paymentId());
                    assertThat(reservation.get("orderId").asText()).isEqualTo(b.payment().orderId());
                    assertThat(reservation.get("ticketId").asText()).isEqualTo(b.ticketId());

                    JsonNode seat = ok(port, "/seats/" + b.reservation().seatId());
                    assertThat(seat.get("status").asText()).isEqualTo("SOLD");
                    assertThat(seat.get("reservationId").asText()).isEqualTo(b.reservation().reservationId());

                    JsonNode order = ok(port, "/orders/" + b.payment().orderId());
                    assertThat(order.get("status").asText()).isEqualTo("CONFIRMED");
                    assertThat(order.get("paymentId").asText()).isEqualTo(b.payment().paymentId());
                    assertThat(texts(order.get("reservationIds"))).contains(b.reservation().reservationId());
                    assertThat(texts(order.get("ticketIds"))).contains(b.ticketId());

                    JsonNode ticket = ok(port, "/tickets/" + b.ticketId());
                    assertThat(ticket.get("ticketNumber").asText()).isEqualTo(b.ticketNumber());
                    assertThat(ticket.get("qrCode").asText()).isEqualTo(CODES.qrCode(b.ticketNumber()));
                    assertThat(ticket.get("seatId").asText()).isEqualTo(b.reservation().seatId());
                    assertThat(ticket.get("orderId").asText()).isEqualTo(b.payment().orderId());
                }
                for (Booking b : unpaid) {
                    assertThat(ok(port, "/reservations/" + b.reservation().reservationId()).get("status").asText())
                            .isEqualTo("ACTIVE");
                    JsonNode seat = ok(port, "/seats/" + b.reservation().seatId());
                    assertThat(seat.get("status").asText()).isEqualTo("HELD");
                    assertThat(seat.get("reservationId").asText()).isEqualTo(b.reservation().reservationId());
                }
                for (int c = 0; c < 4; c++) {
                    String customer = "cust-" + c;
                    List<String> expectedTickets = paid.stream()
                            .filter(b -> b.reservation().customerId().equals(customer)).map(Booking::ticketId).toList();
                    JsonNode tickets = ok(port, "/customers/" + customer + "/tickets").get("tickets");
                    List<String> ticketIds = new ArrayList<>();
                    tickets.forEach(t -> ticketIds.add(t.get("ticketId").asText()));
                    assertThat(ticketIds).containsExactlyInAnyOrderElementsOf(expectedTickets);
                }
            }
        });
        // And the instances agree byte for byte.
        for (Booking b : paid) {
            Set<String> bodies = new HashSet<>();
            for (TicketingService instance : instances) {
                bodies.add(Http.get(instance.httpPort(), "/orders/" + b.payment().orderId()).body());
            }
            assertThat(bodies).hasSize(1);
        }
    }

    @Test
    @Order(2)
    void metricsCountTheRecordsAppliedPerInputTopicAcrossInstances() {
        // The binder picks up the topology's own counters on its next refresh; their values are live.
        await().atMost(BOUND).untilAsserted(() -> {
            assertThat(sumOverInstances("records_applied_total", "reservation-created")).isEqualTo(PAID + UNPAID);
            assertThat(sumOverInstances("records_applied_total", "payment-succeeded")).isEqualTo(PAID);
            assertThat(sumOverInstances("records_dead_lettered_total", "reservation-created")).isZero();
        });
        String metrics = Http.get(instances.get(0).httpPort(), "/metrics").body();
        assertThat(metrics).contains("ticketing_store_entries{store=\"" + StoreNames.RESERVATIONS + "\"}")
                .contains("ticketing_http_requests_seconds_bucket")
                .contains("records_lag");
    }

    private static final Pattern SAMPLE = Pattern.compile("(?m)^(\\S+)\\{([^}]*)} ([0-9.eE+-]+)$");

    /** One counter of the topology, for one input topic, summed over every instance's /metrics. */
    private static long sumOverInstances(String name, String topic) {
        double total = 0;
        for (TicketingService instance : instances) {
            Matcher m = SAMPLE.matcher(Http.get(instance.httpPort(), "/metrics").body());
            while (m.find()) {
                if (m.group(1).endsWith(name) && m.group(2).contains("\"" + topic + "\"")) {
                    total += Double.parseDouble(m.group(3));
                }
            }
        }
        return Math.round(total);
    }

    @Test
    @Order(3)
    void showWideQueriesReturnEverySeatExactlyOnce() {
        for (TicketingService instance : instances) {
            List<String> walked = new ArrayList<>();
            String cursor = null;
            do {
                JsonNode page = Http.json(Http.get(instance.httpPort(), "/events/" + SHOW + "/seats?limit=8"
                        + (cursor == null ? "" : "&cursor=" + cursor)));
                assertThat(page.get("complete").asBoolean()).isTrue();
                page.get("seats").forEach(seat -> walked.add(seat.get("seatId").asText()));
                cursor = page.has("nextCursor") ? page.get("nextCursor").asText() : null;
            } while (cursor != null);
            List<String> allSeats = new ArrayList<>();
            paid.forEach(b -> allSeats.add(b.reservation().seatId()));
            unpaid.forEach(b -> allSeats.add(b.reservation().seatId()));
            assertThat(walked).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(allSeats);

            JsonNode sold = Http.json(Http.get(instance.httpPort(), "/events/" + SHOW + "/seats?status=SOLD&limit=1000"));
            assertThat(sold.get("seats")).hasSize(PAID);

            JsonNode summary = Http.json(Http.get(instance.httpPort(), "/events/" + SHOW + "/summary"));
            assertThat(summary.get("complete").asBoolean()).isTrue();
            assertThat(summary.at("/totals/SOLD").asLong()).isEqualTo(PAID);
            assertThat(summary.at("/totals/HELD").asLong()).isEqualTo(UNPAID);
        }
    }

    @Test
    @Order(4)
    void ticketsVerifyOnEveryInstanceAndForgeriesAreRefused() {
        Booking b = paid.get(0);
        String qr = CODES.qrCode(b.ticketNumber());
        for (TicketingService instance : instances) {
            HttpResponse<String> genuine = Http.get(instance.httpPort(), "/tickets/verify/" + qr);
            assertThat(genuine.statusCode()).isEqualTo(200);
            assertThat(Http.json(genuine).get("valid").asBoolean()).isTrue();
            String forged = new TicketCodes("not-the-secret-0123456789").qrCode(b.ticketNumber());
            assertThat(Http.get(instance.httpPort(), "/tickets/verify/" + forged).statusCode()).isEqualTo(403);
            HttpResponse<String> pdf = Http.get(instance.httpPort(), TicketCodes.pdfPath(b.ticketId()));
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.body()).startsWith("%PDF-");
        }
    }

    @Test
    @Order(5)
    void hostileIdsAndUnknownKeysGetTheRight4xx() {
        for (TicketingService instance : instances) {
            for (String path : List.of("/reservations/a%20b", "/orders/" + "x".repeat(200), "/seats/%3Cscript%3E",
                    "/events/a%7Cb/summary", "/tickets/verify/%00", "/customers/%27%3B--/tickets")) {
                HttpResponse<String> response = Http.get(instance.httpPort(), path);
                assertThat(response.statusCode()).as(path).isEqualTo(400);
                assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            }
            for (String path : List.of("/reservations/res-unknown", "/orders/ord-unknown", "/seats/seat-unknown",
                    "/tickets/t-unknown", "/customers/nobody/tickets", "/events/no-such-show/summary")) {
                HttpResponse<String> response = Http.get(instance.httpPort(), path);
                assertThat(response.statusCode()).as(path).isEqualTo(404);
                assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            }
        }
    }

    @Test
    @Order(6)
    void aLongPollReturnsWhenThePaymentTicketsTheReservation() {
        Booking b = booking("seat-longpoll", "cust-0");
        send(TopicNames.defaults().reservationCreated(), b.reservation().seatId(), b.reservation());
        upstream.flush();
        int port = instances.get(1).httpPort();
        await().atMost(BOUND).until(() ->
                Http.get(port, "/reservations/" + b.reservation().reservationId()).statusCode() == 200);

        CompletableFuture<HttpResponse<String>> reservationPoll = Http.getAsync(port,
                "/reservations/" + b.reservation().reservationId() + "?waitFor=TICKETED&timeout=25s", Duration.ofSeconds(90));
        CompletableFuture<HttpResponse<String>> orderPoll = Http.getAsync(instances.get(2).httpPort(),
                "/orders/" + b.payment().orderId() + "?waitFor=CONFIRMED&timeout=25s", Duration.ofSeconds(90));
        // Both are waiting on their owners before the payment is published.
        await().atMost(BOUND).until(() -> waitingEverywhere() == 2);
        assertThat(reservationPoll).isNotDone();
        send(TopicNames.defaults().paymentSucceeded(), b.payment().paymentId(), b.payment());
        upstream.flush();

        HttpResponse<String> reservation = reservationPoll.join();
        assertThat(reservation.statusCode()).isEqualTo(200);
        assertThat(Http.json(reservation).get("status").asText()).isEqualTo("TICKETED");
        assertThat(reservation.headers().firstValue("X-Ticketing-Wait")).hasValue("reached");
        HttpResponse<String> order = orderPoll.join();
        assertThat(order.statusCode()).isEqualTo(200);
        assertThat(Http.json(order).get("status").asText()).isEqualTo("CONFIRMED");
        paid.add(b);
    }

    @Test
    @Order(7)
    void stoppingAnInstanceKeepsKeyLookupsAnsweringWithoutA500() {
        TicketingService stopped = instances.remove(0);
        stopped.close();
        Set<Integer> statuses = new HashSet<>();
        await().atMost(BOUND).untilAsserted(() -> {
            boolean allFresh = true;
            for (TicketingService instance : instances) {
                for (Booking b : paid) {
                    for (String path : List.of("/reservations/" + b.reservation().reservationId(),
                            "/orders/" + b.payment().orderId(), "/tickets/" + b.ticketId())) {
                        HttpResponse<String> response = Http.get(instance.httpPort(), path);
                        statuses.add(response.statusCode());
                        assertThat(response.statusCode()).as(path).isIn(200, 503);
                        if (response.statusCode() == 503) {
                            assertThat(response.headers().firstValue("Retry-After")).isPresent();
                            allFresh = false;
                        } else {
                            allFresh &= response.headers().firstValue("X-Ticketing-Stale").isEmpty();
                        }
                    }
                }
            }
            assertThat(allFresh).as("every key answered fresh again").isTrue();
        });
        assertThat(statuses).doesNotContain(500);
    }

    private static final Pattern WAITERS = Pattern.compile("(?m)^ticketing_query_waiters(?:\\{[^}]*})? ([0-9.]+)$");

    /** Long-polls waiting, summed over the instances' own gauges. */
    private static int waitingEverywhere() {
        int total = 0;
        for (TicketingService instance : instances) {
            Matcher m = WAITERS.matcher(Http.get(instance.httpPort(), "/metrics").body());
            if (m.find()) {
                total += (int) Double.parseDouble(m.group(1));
            }
        }
        return total;
    }

    private static JsonNode ok(int port, String path) {
        HttpResponse<String> response = Http.get(port, path);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return Http.json(response);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(v -> values.add(v.asText()));
        }
        return values;
    }

    private static Booking booking(String seatId, String customerId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String reservationId = "res-" + java.util.UUID.randomUUID();
        ReservationCreated reservation = new ReservationCreated("1.0", SHOW, reservationId, customerId, seatId,
                seatId.replace("seat-", ""), "S" + (seatId.hashCode() & 1), new BigDecimal("65.00"), now,
                now.plus(Duration.ofMinutes(15)), ReservationCreated.STATUS);
        PaymentSucceeded payment = new PaymentSucceeded("1.0", "pay-" + java.util.UUID.randomUUID(),
                "ord-" + java.util.UUID.randomUUID(), customerId, reservationId, new BigDecimal("65.00"), "EUR",
                "credit_card", "txn-" + reservationId, now.plusSeconds(1), PaymentSucceeded.STATUS);
        return new Booking(reservation, payment);
    }

    private static void send(String topic, String key, Object event) {
        try {
            upstream.send(new ProducerRecord<>(topic, key, Json.mapper().writeValueAsString(event)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
