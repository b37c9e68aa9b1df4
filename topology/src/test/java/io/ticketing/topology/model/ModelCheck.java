package io.ticketing.topology.model;

import io.ticketing.events.RefundRequested;
import io.ticketing.events.ReservationExpired;
import io.ticketing.events.TicketIssued;
import io.ticketing.topology.DeadLetterHeaders;
import io.ticketing.topology.StoreNames;
import io.ticketing.topology.TopologyHarness;
import io.ticketing.topology.view.CustomerTickets;
import io.ticketing.topology.view.OrderView;
import io.ticketing.topology.view.ReservationStatus;
import io.ticketing.topology.view.ReservationView;
import io.ticketing.topology.view.SeatStatus;
import io.ticketing.topology.view.SeatView;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.test.TestRecord;

/**
 * Runs one history through the topology and through the reference model, then compares: the output
 * topics (as multisets of facts), the invariants I1–I4 on what the topology actually emitted, and the
 * query views in its stores (I5: each view equals the model's fold of that key's events).
 */
final class ModelCheck {

    /**
     * A history is checked against the contract's model. With this on (off by default; it was the
     * default while the router forgot dropped orphans, see {@link ModelRegressionTest}) it also passes
     * when the topology matches a model that forgets failures and expiries dropped as orphans, and the
     * count of such histories is printed: a way to tell that old deviation from a new one.
     */
    static final boolean TOLERATE_FORGOTTEN_ORPHANS =
            Boolean.parseBoolean(System.getProperty("model.tolerateForgottenOrphans", "false"));
    /** How many histories passed only thanks to that tolerance. */
    static final java.util.concurrent.atomic.AtomicInteger TOLERATED = new java.util.concurrent.atomic.AtomicInteger();

    /** The topology's counter names (internal.Sensors; not public API, so spelled out here). */
    private static final String APPLIED = "records-applied";
    private static final String DEAD_LETTERED = "records-dead-lettered";

    private final History history;
    private ReferenceModel model;
    /** Problems of the run itself (exceptions, malformed outputs), whatever the model says. */
    private final List<String> runViolations = new ArrayList<>();
    private List<String> violations;

    private final List<String> tickets = new ArrayList<>();
    private final List<String> refunds = new ArrayList<>();
    private final List<String> expiries = new ArrayList<>();
    private final List<String> deadLetters = new ArrayList<>();
    /** Parsed outputs, for the invariants. */
    private final List<TicketIssued> ticketRecords = new ArrayList<>();
    private final List<RefundRequested> refundRecords = new ArrayList<>();

    private ModelCheck(History history) {
        this.history = history;
        this.violations = runViolations;
    }

    /** The violations found; empty when the topology and the model agree on everything. */
    static List<String> check(History history, TopologyRun run) {
        ModelCheck check = new ModelCheck(history);
        check.runTopology(run);
        List<String> strict = check.against(new ReferenceModel(history.start(), false), run);
        if (strict.isEmpty() || !TOLERATE_FORGOTTEN_ORPHANS) {
            return strict;
        }
        if (check.against(new ReferenceModel(history.start(), true), run).isEmpty()) {
            TOLERATED.incrementAndGet();
            return List.of();
        }
        return strict;
    }

    private void runTopology(TopologyRun run) {
        Map<String, double[]> before = counters(run);
        for (Step step : history.steps()) {
            try {
                run.run(step);
            } catch (RuntimeException e) {
                runViolations.add("the topology threw on step '" + step + "': " + e);
                return;
            }
            collect(run);
        }
        checkCounters(before, counters(run));
    }

    /** applied and dead-lettered totals per input topic. */
    private static Map<String, double[]> counters(TopologyRun run) {
        Map<String, double[]> counts = new TreeMap<>();
        for (String topic : ModelSettings.TOPICS.inputs()) {
            counts.put(topic, new double[] {run.counter(APPLIED, topic), run.counter(DEAD_LETTERED, topic)});
        }
        return counts;
    }

    /**
     * I4: every input is counted as applied or dead-lettered on its topic. The app's own
     * reservation-expired records come back in on that topic and are applied too.
     */
    private void checkCounters(Map<String, double[]> before, Map<String, double[]> after) {
        for (String topic : ModelSettings.TOPICS.inputs()) {
            long valid = 0;
            long poison = 0;
            for (Step step : history.steps()) {
                if (step instanceof Step.Input in && in.topic().equals(topic)) {
                    if (in.isPoison()) {
                        poison++;
                    } else {
                        valid++;
                    }
                }
            }
            if (topic.equals(ModelSettings.TOPICS.reservationExpired())) {
                valid += expiries.size();
            }
            long applied = Math.round(after.get(topic)[0] - before.get(topic)[0]);
            long deadLettered = Math.round(after.get(topic)[1] - before.get(topic)[1]);
            if (applied != valid || deadLettered != poison) {
                runViolations.add("I4 counters on " + topic + ": " + APPLIED + " +" + applied + " (expected +" + valid
                        + "), " + DEAD_LETTERED + " +" + deadLettered + " (expected +" + poison + ")");
            }
        }
    }

    private List<String> against(ReferenceModel reference, TopologyRun run) {
        model = reference;
        history.steps().forEach(model::apply);
        violations = new ArrayList<>(runViolations);
        compareOutputs();
        checkInvariants();
        if (runViolations.stream().noneMatch(v -> v.startsWith("the topology threw"))) {
            compareViews(run);
        }
        return violations;
    }

    private void collect(TopologyRun run) {
        for (TestRecord<String, TicketIssued> r : run.ticketsIssued()) {
            ticketRecords.add(r.value());
            tickets.add(Facts.ticket(r.key(), r.value()));
            if (r.value().issuedAt() == null) {
                violations.add("ticket-issued without issuedAt: " + r.value());
            }
        }
        for (TestRecord<String, RefundRequested> r : run.refundsRequested()) {
            refundRecords.add(r.value());
            refunds.add(Facts.refund(r.key(), r.value()));
            if (r.value().requestedAt() == null) {
                violations.add("refund-requested without requestedAt: " + r.value());
            }
        }
        for (TestRecord<String, ReservationExpired> r : run.reservationsExpired()) {
            expiries.add(Facts.expired(r.value()));
            if (r.value().expiredAt() == null) {
                violations.add("reservation-expired without expiredAt: " + r.value());
            }
        }
        for (TestRecord<byte[], byte[]> r : run.deadLetters()) {
            deadLetters.add(Facts.deadLetter(sourceTopic(r), r.key(), r.value()));
            for (String header : List.of(DeadLetterHeaders.PARTITION, DeadLetterHeaders.OFFSET,
                    DeadLetterHeaders.TIMESTAMP, DeadLetterHeaders.ERROR_CLASS, DeadLetterHeaders.REASON)) {
                String value = TopologyHarness.header(r, header);
                if (value == null || value.isBlank()) {
                    violations.add("dead letter without header " + header + " (CONTRACT §6): " + Facts.deadLetter(
                            sourceTopic(r), r.key(), r.value()));
                }
            }
        }
    }

    // ------------------------------------------------------------------ outputs

    private void compareOutputs() {
        compare("ticket-issued", model.tickets, tickets);
        compare("refund-requested", model.refunds, refunds);
        compare("reservation-expired (emitted by the app)", model.expiries, expiries);
        compare("dead letters (I4)", model.deadLetters, deadLetters);
    }

    private void compare(String what, List<String> expected, List<String> actual) {
        List<String> missing = minus(expected, actual);
        List<String> unexpected = minus(actual, expected);
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            StringBuilder out = new StringBuilder(what + " differ from the model:");
            missing.forEach(f -> out.append("\n      expected but missing: ").append(f));
            unexpected.forEach(f -> out.append("\n      emitted but not expected: ").append(f));
            violations.add(out.toString());
        }
    }

    private static List<String> minus(List<String> a, List<String> b) {
        List<String> rest = new ArrayList<>(a);
        for (String x : b) {
            rest.remove(x);
        }
        Collections.sort(rest);
        return rest;
    }

    // ------------------------------------------------------------------ invariants, on the topology's own outputs

    private void checkInvariants() {
        Map<String, Integer> perSeat = new TreeMap<>();
        Map<String, Integer> perReservation = new TreeMap<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        for (TicketIssued t : ticketRecords) {
            perSeat.merge(t.seatId(), 1, Integer::sum);
            perReservation.merge(t.ticketId(), 1, Integer::sum);
            outcomes.merge(t.paymentId(), 1, Integer::sum);
        }
        for (RefundRequested r : refundRecords) {
            outcomes.merge(r.paymentId(), 1, Integer::sum);
        }
        perSeat.forEach((seat, n) -> {
            if (n > 1) {
                violations.add("I1: " + n + " tickets issued for seat " + seat);
            }
        });
        perReservation.forEach((ticketId, n) -> {
            if (n > 1) {
                violations.add("I2: " + n + " tickets issued with ticketId " + ticketId + " (one reservation)");
            }
        });
        for (String payment : model.succeededPayments) {
            int n = outcomes.getOrDefault(payment, 0);
            if (n != 1) {
                violations.add("I3: payment-succeeded " + payment + " ended in " + n
                        + " tickets/refunds, not exactly one (after every timeout has run)");
            }
        }
    }

    // ------------------------------------------------------------------ views (I5)

    private void compareViews(TopologyRun run) {
        reservationViews(run);
        seatViews(run);
        orderViews(run);
        ticketViews(run);
        showSummaries(run);
    }

    private void reservationViews(TopologyRun run) {
        for (ReferenceModel.Reservation r : model.reservations.values()) {
            String id = r.created.reservationId();
            ReservationView v = run.view(StoreNames.RESERVATIONS, id, ReservationView.class);
            if (v == null) {
                violations.add("view reservations/" + id + " is missing; the model says " + r.status);
                continue;
            }
            boolean decided = r.status == ReservationStatus.TICKETED || r.status == ReservationStatus.PAYMENT_FAILED;
            String expected = "status=" + r.status + " seat=" + r.created.seatId() + " event=" + r.created.eventId()
                    + " customer=" + r.created.customerId() + " expiresAt=" + r.created.expiresAt()
                    + (decided ? " payment=" + r.paymentId + " order=" + r.orderId : "")
                    + " ticket=" + r.ticketId;
            String actual = "status=" + v.status() + " seat=" + v.seatId() + " event=" + v.eventId()
                    + " customer=" + v.customerId() + " expiresAt=" + v.expiresAt()
                    + (decided ? " payment=" + v.paymentId() + " order=" + v.orderId() : "")
                    + " ticket=" + v.ticketId();
            same("view reservations/" + id, expected, actual);
        }
    }

    private void seatViews(TopologyRun run) {
        for (ReferenceModel.Seat s : model.seats.values()) {
            String expected = seatText(s.seatId, s.eventId, s.seatNumber, s.section, s.status, s.holder);
            SeatView v = run.view(StoreNames.SEATS, s.seatId, SeatView.class);
            same("view seats/" + s.seatId, expected, v == null ? "missing" : seatText(v));
            SeatView byShow = run.harness().seatsOfShow(s.eventId).stream()
                    .filter(seat -> seat.seatId().equals(s.seatId)).findFirst().orElse(null);
            same("view show-seats/" + s.eventId + "|" + s.seatId, expected,
                    byShow == null ? "missing" : seatText(byShow));
        }
    }

    private static String seatText(SeatView v) {
        return seatText(v.seatId(), v.eventId(), v.seatNumber(), v.section(), v.status(), v.reservationId());
    }

    private static String seatText(String seatId, String eventId, String number, String section, SeatStatus status,
            String holder) {
        return "seat=" + seatId + " event=" + eventId + " number=" + number + " section=" + section
                + " status=" + status + " reservation=" + (status == SeatStatus.AVAILABLE ? "-" : holder);
    }

    private void orderViews(TopologyRun run) {
        for (ReferenceModel.Order o : model.orders.values()) {
            OrderView v = run.harness().order(o.orderId).orElse(null);
            if (v == null) {
                violations.add("view orders/" + o.orderId + " is missing; the model says " + o.status);
                continue;
            }
            boolean onePayment = o.paymentIds.size() == 1;
            String expected = "status=" + o.status + " customer=" + o.customerId + " reservations=" + o.reservationIds
                    + " tickets=" + o.ticketIds
                    + (onePayment ? " payment=" + o.paymentIds.iterator().next() + " amount="
                            + o.amount.toPlainString() + " " + o.currency : "");
            String actual = "status=" + v.status() + " customer=" + v.customerId()
                    + " reservations=" + new TreeSet<>(nullToEmpty(v.reservationIds()))
                    + " tickets=" + new TreeSet<>(nullToEmpty(v.ticketIds()))
                    + (onePayment ? " payment=" + v.paymentId() + " amount="
                            + (v.amount() == null ? null : v.amount().toPlainString()) + " " + v.currency() : "");
            same("view orders/" + o.orderId, expected, actual);
        }
    }

    private void ticketViews(TopologyRun run) {
        Map<String, TreeSet<String>> byCustomer = new HashMap<>();
        for (ReferenceModel.Reservation r : model.reservations.values()) {
            if (r.status != ReservationStatus.TICKETED) {
                continue;
            }
            byCustomer.computeIfAbsent(r.created.customerId(), c -> new TreeSet<>()).add(r.ticketId);
            TicketIssued stored = run.view(StoreNames.TICKETS, r.ticketId, TicketIssued.class);
            TicketIssued emitted = ticketRecords.stream().filter(t -> t.ticketId().equals(r.ticketId)).findFirst()
                    .orElse(null);
            same("view tickets/" + r.ticketId, String.valueOf(emitted), String.valueOf(stored));
            if (stored != null) {
                String byNumber = run.harness().ticketByNumber(stored.ticketNumber()).map(TicketIssued::ticketId)
                        .orElse(null);
                same("view tickets by number/" + stored.ticketNumber(), r.ticketId, byNumber);
            }
        }
        byCustomer.forEach((customer, expected) -> {
            CustomerTickets v = run.harness().customerTickets(customer).orElse(null);
            TreeSet<String> actual = new TreeSet<>();
            if (v != null && v.tickets() != null) {
                v.tickets().forEach(t -> actual.add(t.ticketId()));
            }
            same("view customer-tickets/" + customer, expected.toString(), actual.toString());
        });
    }

    private void showSummaries(TopologyRun run) {
        Map<String, Map<String, Long>> expected = new TreeMap<>();
        for (ReferenceModel.Seat s : model.seats.values()) {
            expected.computeIfAbsent(s.eventId, e -> new TreeMap<>())
                    .merge(s.section + StoreNames.KEY_SEPARATOR + s.status.name(), 1L, Long::sum);
        }
        expected.forEach((eventId, counts) ->
                same("view show-summary/" + eventId + "|*", counts.toString(), new TreeMap<>(run.summary(eventId)).toString()));
    }

    // ------------------------------------------------------------------ helpers

    private void same(String what, String expected, String actual) {
        if (!Objects.equals(expected, actual)) {
            violations.add(what + "\n      model:    " + expected + "\n      topology: " + actual);
        }
    }

    /** The header naming the input topic the record came from (CONTRACT §6), whatever its name. */
    private static String sourceTopic(TestRecord<byte[], byte[]> r) {
        for (Header h : r.headers()) {
            String value = h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
            if (ModelSettings.TOPICS.inputs().contains(value)) {
                return value;
            }
        }
        return "? (no header names the source topic)";
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
