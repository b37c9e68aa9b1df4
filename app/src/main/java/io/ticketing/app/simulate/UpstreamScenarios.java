package io.ticketing.app.simulate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ticketing.events.PaymentFailed;
import io.ticketing.events.PaymentSucceeded;
import io.ticketing.events.ReservationCreated;
import io.ticketing.events.ReservationExpired;
import io.ticketing.serdes.Json;
import io.ticketing.topology.TopicNames;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Plays the upstream Inventory and Payment services, one reservation at a time. Each call to
 * {@link #next} decides the fate of a new reservation (paid, failed, left to expire) and the
 * upstream mess around it (payments before their reservation, duplicates, a competing reservation for
 * the same seat, a payment after expiry, a poison record), and schedules its records at the wall-clock
 * times they would happen. Everything but the timestamps follows from the seed.
 */
final class UpstreamScenarios {

    private static final String[] SECTIONS = {"VIP", "A", "B", "C"};
    private static final BigDecimal[] PRICES = {
        new BigDecimal("150.00"), new BigDecimal("90.00"), new BigDecimal("65.00"), new BigDecimal("40.00")};
    private static final String[] CURRENCIES = {"USD", "EUR", "GBP"};
    private static final String[] METHODS = {"credit_card", "debit_card", "paypal"};
    private static final String[][] FAILURES = {
        {"card_declined", "Insufficient funds", "insufficient_funds"},
        {"card_expired", "Card expired", "expired_card"},
        {"processing_error", "Issuer unavailable", "processing_error"}};
    private static final String[] POISON_KINDS = {
        "not-json", "missing-reservation-id", "wrong-status", "negative-amount", "bad-currency",
        "unsupported-schema-version", "expires-before-created"};

    private final ObjectMapper json = Json.mapper();
    private final SimulationOptions options;
    private final TopicNames topics;
    private final Random random;
    private final List<Show> shows = new ArrayList<>();
    private long sequence;

    UpstreamScenarios(SimulationOptions options, TopicNames topics) {
        this.options = options;
        this.topics = topics;
        this.random = new Random(options.seed());
        for (int i = 0; i < options.shows(); i++) {
            shows.add(newShow());
        }
    }

    /** Creates the records of one new reservation, handing each to {@code schedule}. Returns how many. */
    int next(long nowMs, Consumer<OutgoingRecord> schedule) {
        List<OutgoingRecord> out = new ArrayList<>();
        int showIndex = random.nextInt(shows.size());
        Show show = shows.get(showIndex);
        if (!show.hasFreeSeat()) {
            show = newShow();
            shows.set(showIndex, show);
        }
        Seat seat = show.takeSeat();
        long ttl = options.ttl().toMillis();
        Reservation reservation = new Reservation(show.eventId, uuid(), "customer-" + random.nextInt(100_000),
                seat, nowMs, nowMs + ttl);

        boolean early = chance(options.earlyPaymentPct());
        long reservationAt = early ? nowMs + 300 + random.nextInt(1200) : nowMs;
        out.add(created(reservation, reservationAt));
        if (chance(options.duplicatePct() / 3)) {
            out.add(created(reservation, reservationAt + 100 + random.nextInt(900)));
        }

        double outcome = random.nextDouble() * (options.paidPct() + options.failedPct() + options.expirePct());
        long payAt = early ? nowMs : nowMs + (long) (ttl * (0.05 + 0.4 * random.nextDouble()));
        if (outcome < options.paidPct()) {
            Payment payment = newPayment(reservation);
            OutgoingRecord paid = succeeded(payment, payAt);
            out.add(paid);
            if (chance(options.duplicatePct())) {
                // Payment redelivered as-is (an at-least-once upstream producer).
                out.add(again(paid, payAt + 50 + random.nextInt(450)));
            }
            if (chance(options.duplicatePct() / 3)) {
                // The customer was charged twice: a distinct payment for the same order.
                Payment second = new Payment(uuid(), payment.orderId, payment.customerId, payment.amount,
                        payment.currency, reservation);
                out.add(succeeded(second, payAt + 200 + random.nextInt(800)));
            }
        } else if (outcome < options.paidPct() + options.failedPct()) {
            Payment payment = newPayment(reservation);
            out.add(failed(payment, payAt));
            if (chance(25)) {
                // Retried with another card, still inside the TTL: honoured if the seat is still free.
                Payment retry = new Payment(uuid(), payment.orderId, payment.customerId, payment.amount,
                        payment.currency, reservation);
                out.add(succeeded(retry, Math.min(payAt + 1000, reservation.expiresAtMs - 1)));
            }
        } else {
            if (random.nextBoolean()) {
                // Inventory publishes the expiry itself; otherwise the app's own TTL has to do it.
                out.add(expired(reservation, reservation.expiresAtMs + 500));
            }
            if (chance(options.latePaymentPct() * 100 / Math.max(1, options.expirePct()))) {
                out.add(succeeded(newPayment(reservation), reservation.expiresAtMs + 1000 + random.nextInt(2000)));
            }
        }

        if (chance(options.hotSeatPct())) {
            // Inventory's race: another customer gets a reservation for the same seat a moment later.
            Reservation rival = new Reservation(show.eventId, uuid(), "customer-" + random.nextInt(100_000),
                    seat, reservationAt + 10, reservationAt + 10 + ttl);
            out.add(created(rival, rival.createdAtMs));
            if (random.nextBoolean()) {
                out.add(succeeded(newPayment(rival), rival.createdAtMs + 500 + random.nextInt(1500)));
            }
        }

        if (chance(options.poisonPct())) {
            out.add(poison(nowMs + random.nextInt(1000)));
        }
        out.forEach(schedule);
        return out.size();
    }

    private Show newShow() {
        String eventId = uuid();
        List<Seat> seats = new ArrayList<>(options.seats());
        int perSection = Math.max(1, options.seats() / SECTIONS.length);
        for (int i = 0; i < options.seats(); i++) {
            int section = Math.min(SECTIONS.length - 1, i / perSection);
            int inSection = i - section * perSection;
            seats.add(new Seat(uuid(), SECTIONS[section] + "-" + (1 + inSection / 20) + "-" + (1 + inSection % 20),
                    SECTIONS[section], PRICES[section]));
        }
        // Customers do not buy in seat order.
        java.util.Collections.shuffle(seats, random);
        return new Show(eventId, seats);
    }

    private Payment newPayment(Reservation reservation) {
        return new Payment(uuid(), uuid(), reservation.customerId, reservation.seat.price,
                CURRENCIES[random.nextInt(CURRENCIES.length)], reservation);
    }

    private OutgoingRecord created(Reservation r, long at) {
        ReservationCreated event = new ReservationCreated(schemaVersion(), r.eventId, r.reservationId,
                r.customerId, r.seat.seatId, r.seat.seatNumber, r.seat.section, r.seat.price,
                Instant.ofEpochMilli(r.createdAtMs), Instant.ofEpochMilli(r.expiresAtMs), ReservationCreated.STATUS);
        return record(topics.reservationCreated(), reservationKey(r), event, at);
    }

    private OutgoingRecord expired(Reservation r, long at) {
        ReservationExpired event = new ReservationExpired(schemaVersion(), r.reservationId, r.seat.seatId,
                r.customerId, Instant.ofEpochMilli(r.createdAtMs), Instant.ofEpochMilli(r.expiresAtMs),
                Instant.ofEpochMilli(at), ReservationExpired.STATUS);
        return record(topics.reservationExpired(), anyKey(r.seat.seatId), event, at);
    }

    private OutgoingRecord succeeded(Payment p, long at) {
        PaymentSucceeded event = new PaymentSucceeded(schemaVersion(), p.paymentId, p.orderId, p.customerId,
                p.reservation.reservationId, p.amount, p.currency, METHODS[random.nextInt(METHODS.length)],
                "txn-" + Long.toHexString(random.nextLong()), Instant.ofEpochMilli(at), PaymentSucceeded.STATUS);
        return record(topics.paymentSucceeded(), anyKey(p.orderId), event, at);
    }

    private OutgoingRecord failed(Payment p, long at) {
        String[] failure = FAILURES[random.nextInt(FAILURES.length)];
        PaymentFailed event = new PaymentFailed(schemaVersion(), p.paymentId, p.orderId, p.customerId,
                p.reservation.reservationId, p.amount, p.currency, METHODS[random.nextInt(METHODS.length)],
                failure[0], failure[1], failure[2], Instant.ofEpochMilli(at), PaymentFailed.STATUS);
        return record(topics.paymentFailed(), anyKey(p.orderId), event, at);
    }

    private OutgoingRecord again(OutgoingRecord record, long at) {
        return new OutgoingRecord(record.topic(), record.key(), record.value(), null, at, sequence++);
    }

    private OutgoingRecord poison(long at) {
        String kind = POISON_KINDS[random.nextInt(POISON_KINDS.length)];
        Reservation r = new Reservation(uuid(), uuid(), "customer-poison", new Seat(uuid(), "Z-1-1", "Z",
                BigDecimal.TEN), at, at + options.ttl().toMillis());
        Payment p = newPayment(r);
        String topic;
        ObjectNode node;
        switch (kind) {
            case "not-json":
                String[] inputs = {topics.reservationCreated(), topics.reservationExpired(),
                    topics.paymentSucceeded(), topics.paymentFailed()};
                return new OutgoingRecord(inputs[random.nextInt(inputs.length)], uuid(),
                        "{\"reservationId\": \"oops\", this is not JSON".getBytes(StandardCharsets.UTF_8), kind, at,
                        sequence++);
            case "missing-reservation-id":
                topic = topics.paymentSucceeded();
                node = tree(succeeded(p, at));
                node.remove("reservationId");
                break;
            case "wrong-status":
                topic = topics.paymentFailed();
                node = tree(failed(p, at));
                node.put("status", "succeeded");
                break;
            case "negative-amount":
                topic = topics.paymentSucceeded();
                node = tree(succeeded(p, at));
                node.put("amount", new BigDecimal("-10.00"));
                break;
            case "bad-currency":
                topic = topics.paymentSucceeded();
                node = tree(succeeded(p, at));
                node.put("currency", "DOLLARS");
                break;
            case "unsupported-schema-version":
                topic = topics.reservationCreated();
                node = tree(created(r, at));
                node.put("schemaVersion", "2.0");
                break;
            default:
                topic = topics.reservationCreated();
                node = tree(created(r, at));
                node.put("expiresAt", Instant.ofEpochMilli(at - 60_000).toString());
                break;
        }
        return new OutgoingRecord(topic, random.nextBoolean() ? uuid() : null, bytes(node), kind, at, sequence++);
    }

    private OutgoingRecord record(String topic, String key, Object event, long at) {
        return new OutgoingRecord(topic, key, bytes(event), null, at, sequence++);
    }

    private ObjectNode tree(OutgoingRecord record) {
        try {
            return (ObjectNode) json.readTree(record.value());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] bytes(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value, e);
        }
    }

    /** Inventory keys by seat, by a random id or not at all; the app must not care (CONTRACT §1). */
    private String reservationKey(Reservation r) {
        int pick = random.nextInt(10);
        return pick < 5 ? r.seat.seatId : pick < 9 ? uuid() : null;
    }

    private String anyKey(String natural) {
        int pick = random.nextInt(10);
        return pick < 4 ? natural : pick < 9 ? uuid() : null;
    }

    /** Upstream sometimes omits the version (meaning 1.0) or is a minor version ahead. */
    private String schemaVersion() {
        int pick = random.nextInt(10);
        return pick < 6 ? "1.0" : pick < 9 ? null : "1.1";
    }

    private boolean chance(double percent) {
        return random.nextDouble() * 100 < percent;
    }

    private String uuid() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private record Seat(String seatId, String seatNumber, String section, BigDecimal price) {
    }

    private record Reservation(String eventId, String reservationId, String customerId, Seat seat,
                               long createdAtMs, long expiresAtMs) {
    }

    private record Payment(String paymentId, String orderId, String customerId, BigDecimal amount, String currency,
                           Reservation reservation) {
    }

    private static final class Show {
        final String eventId;
        final List<Seat> seats;
        int next;

        Show(String eventId, List<Seat> seats) {
            this.eventId = eventId;
            this.seats = seats;
        }

        boolean hasFreeSeat() {
            return next < seats.size();
        }

        Seat takeSeat() {
            return seats.get(next++);
        }
    }
}
