package io.ticketing.topology.model;

import static io.ticketing.topology.model.ModelSettings.TOPICS;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ticketing.events.PaymentFailed;
import io.ticketing.events.PaymentSucceeded;
import io.ticketing.events.ReservationCreated;
import io.ticketing.events.ReservationExpired;
import io.ticketing.events.TicketingEvent;
import io.ticketing.events.UpstreamEvent;
import io.ticketing.serdes.Json;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Generates a random, realistic-to-hostile history from a seed: a few shows and seats, hot seats with
 * competing reservations, payments that succeed or fail (in time, exactly at expiresAt, or late),
 * upstream expiries, reservations that never arrive, duplicates of any event (same bytes, or the same
 * meaning re-encoded under another key), shuffled cross-topic order, wall-clock moves that let the
 * app expire reservations itself, and poison records. Ids carry a prefix so that histories never
 * share a key, even when they run one after another on the same driver.
 */
final class HistoryGenerator {

    private final Random rnd;
    private final String prefix;
    private final Instant start;
    private int nextPayment;
    private String firstCustomer;

    private HistoryGenerator(long seed, String prefix, Instant start) {
        this.rnd = new Random(seed);
        this.prefix = prefix;
        this.start = start;
    }

    static History generate(long seed, String prefix, Instant start) {
        return new History(seed, start, new HistoryGenerator(seed, prefix, start).steps());
    }

    private record Seat(String eventId, String seatId, String seatNumber, String section, BigDecimal price) {
    }

    /** An input before it is placed in the history; {@code at} orders the "mostly causal" arrangement. */
    private record Planned(Instant at, Step.Input input) {
    }

    private List<Step> steps() {
        List<Seat> seats = seats();
        List<Planned> planned = new ArrayList<>();
        // Mostly small histories; one in ten is a busy one with many competing reservations.
        int reservations = rnd.nextInt(10) == 0 ? 10 + rnd.nextInt(20) : 1 + rnd.nextInt(8);
        for (int i = 0; i < reservations; i++) {
            planReservation(i, pickSeat(seats), planned);
        }
        List<Step.Input> inputs = arrange(planned);
        addDuplicates(inputs);
        addPoison(inputs);
        List<Step> steps = new ArrayList<>();
        for (Step.Input input : inputs) {
            // Record timestamps are the producer's business: one in ten is off by up to a day either way.
            steps.add(rnd.nextInt(10) == 0 ? input.skewed(rnd.nextLong() % Duration.ofDays(1).toMillis()) : input);
        }
        addClockMoves(steps);
        steps.add(new Step.Advance(ModelSettings.DRAIN));
        steps.add(new Step.Advance(Duration.ofSeconds(1)));
        return steps;
    }

    private List<Seat> seats() {
        List<Seat> seats = new ArrayList<>();
        int shows = 1 + rnd.nextInt(2);
        for (int s = 0; s < shows; s++) {
            String eventId = prefix + "-show" + s;
            int count = 1 + rnd.nextInt(3);
            for (int n = 0; n < count; n++) {
                String section = rnd.nextBoolean() ? "VIP" : "GA";
                seats.add(new Seat(eventId, prefix + "-seat" + s + "-" + n, "A-" + s + "-" + n, section,
                        section.equals("VIP") ? new BigDecimal("50.00") : new BigDecimal("25.5")));
            }
        }
        return seats;
    }

    /** Hot seats: the first seat draws far more than its share of reservations. */
    private Seat pickSeat(List<Seat> seats) {
        return rnd.nextInt(10) < 4 ? seats.get(0) : seats.get(rnd.nextInt(seats.size()));
    }

    private void planReservation(int index, Seat seat, List<Planned> planned) {
        String reservationId = prefix + "-r" + index;
        String customerId = prefix + "-c" + rnd.nextInt(3);
        String orderId = prefix + "-o" + index;
        if (index == 0) {
            firstCustomer = customerId;
        } else if (rnd.nextInt(10) == 0) {
            // Now and then one customer's order pays for two reservations (a cart): its view gathers both.
            customerId = firstCustomer;
            orderId = prefix + "-o0";
        }
        Instant createdAt = start.minusSeconds(rnd.nextInt(120));
        Instant expiresAt = createdAt.plusSeconds(60L * (1 + rnd.nextInt(10))).plusMillis(500);
        ReservationCreated created = new ReservationCreated(version(), seat.eventId(), reservationId, customerId,
                seat.seatId(), seat.seatNumber(), seat.section(), seat.price(), createdAt, expiresAt, "active");
        // One reservation in ten never reaches us: its payments are orphans.
        if (rnd.nextInt(10) != 0) {
            planned.add(new Planned(createdAt, input(TOPICS.reservationCreated(), created, "")));
        }
        int payments = new int[] {0, 1, 1, 1, 2, 2, 3}[rnd.nextInt(7)];
        for (int p = 0; p < payments; p++) {
            String paymentId = prefix + "-p" + nextPayment++;
            String order = rnd.nextInt(10) == 0 ? prefix + "-o-" + paymentId : orderId;
            Instant paidAt = paymentTime(createdAt, expiresAt);
            UpstreamEvent payment = rnd.nextInt(100) < 65
                    ? new PaymentSucceeded(version(), paymentId, order, customerId, reservationId, seat.price(), "USD",
                            "credit_card", "txn-" + paymentId, paidAt, "succeeded")
                    : new PaymentFailed(version(), paymentId, order, customerId, reservationId, seat.price(), "USD",
                            "credit_card", "card_declined", "Insufficient funds", "insufficient_funds", paidAt, "failed");
            String topic = payment instanceof PaymentSucceeded ? TOPICS.paymentSucceeded() : TOPICS.paymentFailed();
            planned.add(new Planned(paidAt, input(topic, payment, "")));
        }
        if (rnd.nextInt(4) == 0) {
            Instant expiredAt = expiresAt.plusMillis(rnd.nextInt(5_000));
            ReservationExpired expired = new ReservationExpired(version(), reservationId, seat.seatId(), customerId,
                    createdAt, expiresAt, expiredAt, "expired");
            planned.add(new Planned(expiredAt, input(TOPICS.reservationExpired(), expired, "upstream expiry")));
        }
    }

    /** Half in time, some exactly at expiresAt (still in time: processedAt <= expiresAt), the rest late. */
    private Instant paymentTime(Instant createdAt, Instant expiresAt) {
        int roll = rnd.nextInt(10);
        if (roll < 5) {
            long window = Duration.between(createdAt, expiresAt).toMillis();
            return createdAt.plusMillis((long) (rnd.nextDouble() * window));
        }
        if (roll < 6) {
            return expiresAt;
        }
        return expiresAt.plusMillis(1 + rnd.nextInt(20 * 60 * 1000));
    }

    /** Fully shuffled, or in event-time order with local swaps: both orders happen upstream. */
    private List<Step.Input> arrange(List<Planned> planned) {
        List<Step.Input> inputs = new ArrayList<>();
        if (rnd.nextBoolean()) {
            java.util.Collections.shuffle(planned, rnd);
        } else {
            planned.sort(Comparator.comparing(Planned::at));
            for (int i = 0; i + 1 < planned.size(); i++) {
                if (rnd.nextInt(4) == 0) {
                    java.util.Collections.swap(planned, i, i + 1);
                }
            }
        }
        planned.forEach(p -> inputs.add(p.input()));
        return inputs;
    }

    /** Any event may come again later: byte for byte, or the same meaning under another key and notation. */
    private void addDuplicates(List<Step.Input> inputs) {
        for (Step.Input original : List.copyOf(inputs)) {
            if (rnd.nextInt(100) < 15) {
                int at = inputs.indexOf(original) + 1 + rnd.nextInt(inputs.size() - inputs.indexOf(original));
                int how = rnd.nextInt(10);
                Step.Input copy = how < 5
                        ? new Step.Input(original.topic(), original.key(), original.value(), original.event(), "duplicate")
                        : how < 9 || !(original.event() instanceof ReservationCreated c) ? reencoded(original)
                        : conflicting(c);
                inputs.add(Math.min(at, inputs.size()), copy);
            }
        }
    }

    /**
     * Same topic, same reservationId, other content (another seat, another hold): by CONTRACT §3 it is
     * "the same event again" and changes nothing; the first one seen stands.
     */
    private Step.Input conflicting(ReservationCreated c) {
        ReservationCreated other = new ReservationCreated(c.schemaVersion(), c.eventId(), c.reservationId(),
                c.customerId(), c.seatId() + "x", c.seatNumber(), c.section(), c.basePrice(), c.createdAt(),
                c.expiresAt().plusSeconds(600), c.status());
        return new Step.Input(TOPICS.reservationCreated(), upstreamKey(c.reservationId(), other.seatId()), json(other),
                other, "conflicting duplicate");
    }

    private void addPoison(List<Step.Input> inputs) {
        if (rnd.nextInt(10) < 3) {
            int count = 1 + rnd.nextInt(2);
            for (int i = 0; i < count; i++) {
                inputs.add(rnd.nextInt(inputs.size() + 1), poison());
            }
        }
    }

    /**
     * Wall-clock moves inside the history, whole seconds, at most MAX_IN_HISTORY_ADVANCE in all; and
     * sometimes one outage longer than the orphan timeout (ending in .250 s, so that no timer falls due
     * exactly on a punctuation), after which early payments have been refunded and their reservations
     * may still arrive.
     */
    private void addClockMoves(List<Step> steps) {
        if (rnd.nextInt(8) == 0) {
            Duration outage = ModelSettings.ORPHAN_TIMEOUT.plusSeconds(1 + rnd.nextInt(1800)).plusMillis(250);
            steps.add(rnd.nextInt(steps.size() + 1), new Step.Advance(outage));
        }
        int moves = rnd.nextInt(4);
        long budget = ModelSettings.MAX_IN_HISTORY_ADVANCE.toSeconds();
        for (int i = 0; i < moves && budget > 1; i++) {
            long seconds = 1 + rnd.nextInt((int) Math.min(budget, 10 * 60));
            budget -= seconds;
            steps.add(rnd.nextInt(steps.size() + 1), new Step.Advance(Duration.ofSeconds(seconds)));
        }
    }

    private Step.Input poison() {
        String[] topics = TOPICS.inputs().toArray(new String[0]);
        String topic = topics[rnd.nextInt(topics.length)];
        String valid = "{\"paymentId\":\"" + prefix + "-px\",\"orderId\":\"o\",\"customerId\":\"c\",\"reservationId\":\""
                + prefix + "-r0\",\"amount\":10.00,\"currency\":\"USD\",\"processedAt\":\"2026-03-04T20:00:00Z\","
                + "\"attemptedAt\":\"2026-03-04T20:00:00Z\",\"status\":\"%s\"}";
        byte[] value = switch (rnd.nextInt(10)) {
            case 0 -> null;
            case 1 -> new byte[0];
            case 2 -> bytes("null");
            case 3 -> bytes("not json at all");
            case 4 -> bytes(String.format(valid, "refunded"));
            case 5 -> bytes(String.format(valid, "succeeded").replace("10.00", "-10.00"));
            case 6 -> bytes(String.format(valid, "succeeded").replace("USD", "DOLLARS"));
            case 7 -> bytes(String.format(valid, "succeeded").replaceFirst("\\{", "{\"schemaVersion\":\"2.0\","));
            case 8 -> bytes("{\"reservationId\":\"" + prefix + "-r0\",\"padding\":\"" + "x".repeat(70_000) + "\"}");
            default -> {
                byte[] random = new byte[1 + rnd.nextInt(40)];
                rnd.nextBytes(random);
                yield random;
            }
        };
        // The DLT must keep the original key bytes too, even when they are not text at all.
        byte[] key = upstreamKey(prefix + "-r0", prefix + "-seat0-0");
        if (rnd.nextInt(3) == 0) {
            key = new byte[1 + rnd.nextInt(16)];
            rnd.nextBytes(key);
        }
        return new Step.Input(topic, key, value, null, "poison");
    }

    private Step.Input input(String topic, UpstreamEvent event, String note) {
        return new Step.Input(topic, upstreamKey(event.reservationId(), seatIdOf(event)), json(event), event, note);
    }

    /** Same event, another upstream key, times written with another offset: same topic, same ids. */
    private Step.Input reencoded(Step.Input original) {
        String text = new String(original.value(), StandardCharsets.UTF_8);
        ZoneOffset offset = ZoneOffset.ofHoursMinutes(rnd.nextInt(10) - 5, 0);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"(\\d{4}-[^\"]+Z)\"").matcher(text);
        String shifted = m.replaceAll(r -> "\"" + Instant.parse(r.group(1)).atOffset(offset) + "\"");
        String withUnknown = shifted.replaceFirst("\\{", "{\"upstreamTraceId\":\"" + UUID.randomUUID() + "\",");
        return new Step.Input(original.topic(), upstreamKey(((UpstreamEvent) original.event()).reservationId(), seatIdOf(original.event())),
                bytes(withUnknown), original.event(), "duplicate, re-encoded");
    }

    /** The app must never trust an upstream key (CONTRACT §1): seatId, a random UUID, null, or the id. */
    private byte[] upstreamKey(String reservationId, String seatId) {
        return switch (rnd.nextInt(4)) {
            case 0 -> null;
            case 1 -> bytes(UUID.randomUUID().toString());
            case 2 -> seatId == null ? null : bytes(seatId);
            default -> bytes(reservationId);
        };
    }

    private String version() {
        return switch (rnd.nextInt(4)) {
            case 0 -> "1.0";
            case 1 -> "1." + rnd.nextInt(10);
            default -> null;
        };
    }

    private static String seatIdOf(TicketingEvent e) {
        if (e instanceof ReservationCreated c) {
            return c.seatId();
        }
        if (e instanceof ReservationExpired x) {
            return x.seatId();
        }
        return null;
    }

    static byte[] json(Object value) {
        try {
            return Json.mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
