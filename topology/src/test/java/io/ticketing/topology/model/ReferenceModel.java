package io.ticketing.topology.model;

import io.ticketing.events.PaymentFailed;
import io.ticketing.events.PaymentSucceeded;
import io.ticketing.events.RefundRequested;
import io.ticketing.events.RefundRequested.Reason;
import io.ticketing.events.ReservationCreated;
import io.ticketing.events.ReservationExpired;
import io.ticketing.events.TicketIssued;
import io.ticketing.events.TicketingEvent;
import io.ticketing.topology.TicketCodes;
import io.ticketing.topology.view.OrderStatus;
import io.ticketing.topology.view.ReservationStatus;
import io.ticketing.topology.view.SeatStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * CONTRACT §3 and §4, written again as plainly as possible and independently of the topology: one
 * thread, plain maps, records applied in the order they are piped. It says what the topology must
 * emit and what its views must hold after any history. When the two disagree, one of them is wrong;
 * CONTRACT.md decides which.
 *
 * <p>Choices where the contract is silent, made as the design note (docs/design.md) describes:
 * a reservation-expired for an unknown reservation waits like a payment does, and is dropped (no
 * output) at the orphan timeout; an order's status is the highest rank any of its payments reached
 * (PENDING &lt; CANCELLED &lt; REFUND_REQUIRED &lt; CONFIRMED), a failed payment counting as CANCELLED
 * whatever the state of its reservation, even when it is dropped as an orphan.
 */
final class ReferenceModel {

    static final String VERSION = "1.0";


    private final TicketCodes codes = new TicketCodes(ModelSettings.SECRET);
    private Instant now;

    final Map<String, Reservation> reservations = new LinkedHashMap<>();
    final Map<String, Seat> seats = new LinkedHashMap<>();
    final Map<String, Order> orders = new LinkedHashMap<>();
    private final Map<String, List<Waiting>> pending = new LinkedHashMap<>();
    /** "topic|id" of every valid event seen: the same event again changes nothing (§3 last row). */
    private final Set<String> seen = new HashSet<>();
    private final Set<String> refundedOrphans = new HashSet<>();

    /** Expected output facts, in the order the model produced them. */
    final List<String> tickets = new ArrayList<>();
    final List<String> refunds = new ArrayList<>();
    final List<String> expiries = new ArrayList<>();
    final List<String> deadLetters = new ArrayList<>();
    /** Every distinct valid payment-succeeded: I3 says each ends in exactly one ticket or refund. */
    final Set<String> succeededPayments = new TreeSet<>();
    /** How often each row of the §3 table was taken: shows the generator reaches every row. */
    final Map<String, Integer> rows = new java.util.TreeMap<>();

    /**
     * False is the contract (§3: the same event again changes nothing, even after its first copy was
     * dropped as an orphan). True forgets a dropped failure or expiry, so that a later copy of it waits
     * and applies again: the topology's behaviour when {@link ModelRegressionTest} was written.
     */
    private final boolean forgetDroppedOrphans;

    ReferenceModel(Instant start) {
        this(start, false);
    }

    ReferenceModel(Instant start, boolean forgetDroppedOrphans) {
        this.now = start;
        this.forgetDroppedOrphans = forgetDroppedOrphans;
    }

    static final class Reservation {
        final ReservationCreated created;
        ReservationStatus status;
        String paymentId;
        String orderId;
        String ticketId;

        Reservation(ReservationCreated created, ReservationStatus status) {
            this.created = created;
            this.status = status;
        }
    }

    static final class Seat {
        final String seatId;
        final String eventId;
        final String seatNumber;
        final String section;
        SeatStatus status = SeatStatus.AVAILABLE;
        String holder;

        Seat(ReservationCreated c) {
            this.seatId = c.seatId();
            this.eventId = c.eventId();
            this.seatNumber = c.seatNumber();
            this.section = c.section();
        }
    }

    static final class Order {
        final String orderId;
        String customerId;
        final Set<String> reservationIds = new TreeSet<>();
        final Set<String> paymentIds = new TreeSet<>();
        final Set<String> ticketIds = new TreeSet<>();
        BigDecimal amount;
        String currency;
        OrderStatus status;

        Order(String orderId) {
            this.orderId = orderId;
        }

        void reach(OrderStatus candidate) {
            if (status == null || candidate.ordinal() > status.ordinal()) {
                status = candidate;
            }
        }
    }

    private record Waiting(TicketingEvent event, Instant since) {
    }

    // ------------------------------------------------------------------ steps

    void apply(Step step) {
        if (step instanceof Step.Advance advance) {
            advance(advance.by());
        } else {
            input((Step.Input) step);
        }
    }

    private void input(Step.Input in) {
        if (in.isPoison()) {
            row("poison -> dead letter");
            deadLetters.add(Facts.deadLetter(in.topic(), in.key(), in.value()));
            return;
        }
        TicketingEvent event = in.event();
        if (event instanceof ReservationCreated c) {
            created(c);
        } else if (event instanceof ReservationExpired x) {
            arrived("reservation-expired|" + x.reservationId(), x.reservationId(), x);
        } else if (event instanceof PaymentSucceeded s) {
            succeededPayments.add(s.paymentId());
            arrived("payment-succeeded|" + s.paymentId(), s.reservationId(), s);
        } else if (event instanceof PaymentFailed f) {
            arrived("payment-failed|" + f.paymentId(), f.reservationId(), f);
        }
    }

    private void row(String name) {
        rows.merge(name, 1, Integer::sum);
    }

    private void created(ReservationCreated c) {
        if (!seen.add("reservation-created|" + c.reservationId())) {
            row("any + the same event again");
            return;
        }
        Seat seat = seats.computeIfAbsent(c.seatId(), id -> new Seat(c));
        Reservation r;
        if (seat.status == SeatStatus.AVAILABLE) {
            r = new Reservation(c, ReservationStatus.ACTIVE);
            seat.status = SeatStatus.HELD;
            seat.holder = c.reservationId();
            row("unknown + reservation-created, seat free -> ACTIVE");
        } else {
            r = new Reservation(c, ReservationStatus.REJECTED);
            row("unknown + reservation-created, seat taken -> REJECTED");
        }
        reservations.put(c.reservationId(), r);
        if (refundedOrphans.contains(c.reservationId())) {
            row("reservation arrives after its payment was refunded as an orphan");
        }
        // Payments and expiries that came first are applied now, in the order they arrived.
        for (Waiting w : pending.getOrDefault(c.reservationId(), List.of())) {
            row("pending applied when its reservation arrives");
            applyKnown(r, w.event());
        }
        pending.remove(c.reservationId());
    }

    private void arrived(String identity, String reservationId, TicketingEvent event) {
        if (!seen.add(identity)) {
            row("any + the same event again");
            return;
        }
        touchOrder(event);
        Reservation r = reservations.get(reservationId);
        if (r == null) {
            pending.computeIfAbsent(reservationId, id -> new ArrayList<>()).add(new Waiting(event, now));
            orderReaches(event, OrderStatus.PENDING);
            row("unknown + " + (event instanceof ReservationExpired ? "reservation-expired" : "payment") + " -> pending");
        } else {
            applyKnown(r, event);
        }
    }

    private void applyKnown(Reservation r, TicketingEvent event) {
        if (event instanceof PaymentSucceeded s) {
            succeeded(r, s);
        } else if (event instanceof PaymentFailed f) {
            failed(r, f);
        } else if (event instanceof ReservationExpired) {
            if (r.status == ReservationStatus.ACTIVE) {
                expire(r);
                row("ACTIVE + reservation-expired (upstream) -> EXPIRED");
            } else {
                row(r.status + " + reservation-expired -> unchanged");
            }
        }
    }

    private void succeeded(Reservation r, PaymentSucceeded s) {
        Instant expiresAt = r.created.expiresAt();
        switch (r.status) {
            case ACTIVE -> {
                row("ACTIVE + payment-succeeded -> TICKETED" + (s.processedAt().isAfter(expiresAt) ? " (paid late)" : ""));
                ticket(r, s);
            }
            case PAYMENT_FAILED, EXPIRED -> {
                boolean inTime = !s.processedAt().isAfter(expiresAt);
                if (inTime && seat(r).status == SeatStatus.AVAILABLE) {
                    row(r.status + " + payment-succeeded in time, seat free -> TICKETED"
                            + (s.processedAt().equals(expiresAt) ? " (paid exactly at expiresAt)" : ""));
                    ticket(r, s);
                } else {
                    row(r.status + " + payment-succeeded " + (inTime ? "in time, seat taken" : "late")
                            + " -> refund");
                    refund(s, inTime ? Reason.SEAT_UNAVAILABLE : Reason.RESERVATION_EXPIRED);
                }
            }
            case REJECTED -> {
                row("REJECTED + payment-succeeded -> refund");
                refund(s, Reason.SEAT_UNAVAILABLE);
            }
            case TICKETED -> {
                if (!s.paymentId().equals(r.paymentId)) {
                    row("TICKETED + payment-succeeded, other paymentId -> refund");
                    refund(s, Reason.DUPLICATE_PAYMENT);
                }
            }
        }
    }

    private void failed(Reservation r, PaymentFailed f) {
        row(r.status + " + payment-failed" + (r.status == ReservationStatus.ACTIVE ? " -> PAYMENT_FAILED" : " -> unchanged"));
        if (r.status == ReservationStatus.ACTIVE) {
            r.status = ReservationStatus.PAYMENT_FAILED;
            r.paymentId = f.paymentId();
            r.orderId = f.orderId();
            release(r);
        }
        orders.get(f.orderId()).reach(OrderStatus.CANCELLED);
    }

    private void ticket(Reservation r, PaymentSucceeded s) {
        ReservationCreated c = r.created;
        Seat seat = seat(r);
        r.status = ReservationStatus.TICKETED;
        r.paymentId = s.paymentId();
        r.orderId = s.orderId();
        r.ticketId = TicketCodes.ticketId(c.reservationId(), c.createdAt());
        seat.status = SeatStatus.SOLD;
        seat.holder = c.reservationId();
        String number = TicketCodes.ticketNumber(c.reservationId(), c.createdAt());
        tickets.add(Facts.ticket(s.orderId(), new TicketIssued(VERSION, r.ticketId, number, s.orderId(), s.paymentId(),
                c.customerId(), c.eventId(), c.seatId(), c.seatNumber(), c.section(), TicketCodes.pdfPath(r.ticketId),
                codes.qrCode(number), null, TicketIssued.STATUS)));
        Order order = orders.get(s.orderId());
        order.reach(OrderStatus.CONFIRMED);
        order.ticketIds.add(r.ticketId);
    }

    private void refund(PaymentSucceeded s, Reason reason) {
        refunds.add(Facts.refund(s.orderId(), new RefundRequested(VERSION, s.paymentId(), s.orderId(), s.customerId(),
                s.reservationId(), s.amount(), s.currency(), reason.wireName(), null, RefundRequested.STATUS)));
        orders.get(s.orderId()).reach(OrderStatus.REFUND_REQUIRED);
    }

    private void expire(Reservation r) {
        r.status = ReservationStatus.EXPIRED;
        release(r);
    }

    private void release(Reservation r) {
        Seat seat = seat(r);
        if (r.created.reservationId().equals(seat.holder) && seat.status == SeatStatus.HELD) {
            seat.status = SeatStatus.AVAILABLE;
            seat.holder = null;
        }
    }

    private Seat seat(Reservation r) {
        return seats.get(r.created.seatId());
    }

    // ------------------------------------------------------------------ time

    private void advance(Duration by) {
        now = now.plus(by);
        for (Reservation r : reservations.values()) {
            Instant deadline = r.created.expiresAt().plus(ModelSettings.GRACE);
            if (r.status == ReservationStatus.ACTIVE && !deadline.isAfter(now)) {
                row("ACTIVE + TTL ran out -> EXPIRED, app emits reservation-expired");
                expire(r);
                ReservationCreated c = r.created;
                expiries.add(Facts.expired(new ReservationExpired(VERSION, c.reservationId(), c.seatId(),
                        c.customerId(), c.createdAt(), c.expiresAt(), null, ReservationExpired.STATUS)));
            }
        }
        for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
            List<Waiting> waiting = it.next().getValue();
            waiting.removeIf(w -> {
                if (w.since().plus(ModelSettings.ORPHAN_TIMEOUT).isAfter(now)) {
                    return false;
                }
                if (w.event() instanceof PaymentSucceeded s) {
                    row("orphan payment-succeeded -> refund unknown-reservation");
                    refundedOrphans.add(s.reservationId());
                    refund(s, Reason.UNKNOWN_RESERVATION);
                } else if (w.event() instanceof PaymentFailed f) {
                    row("orphan payment-failed -> dropped");
                    orders.get(f.orderId()).reach(OrderStatus.CANCELLED); // its payment failed, whatever else
                    if (forgetDroppedOrphans) {
                        seen.remove("payment-failed|" + f.paymentId());
                    }
                } else {
                    row("orphan reservation-expired -> dropped");
                    if (forgetDroppedOrphans) {
                        seen.remove("reservation-expired|" + ((ReservationExpired) w.event()).reservationId());
                    }
                }
                return true; // a failure or an expiry for a reservation never seen: dropped (and counted)
            });
            if (waiting.isEmpty()) {
                it.remove();
            }
        }
    }

    // ------------------------------------------------------------------ orders

    private void touchOrder(TicketingEvent event) {
        String orderId;
        String customerId;
        String reservationId;
        String paymentId;
        BigDecimal amount;
        String currency;
        if (event instanceof PaymentSucceeded s) {
            orderId = s.orderId();
            customerId = s.customerId();
            reservationId = s.reservationId();
            paymentId = s.paymentId();
            amount = s.amount();
            currency = s.currency();
        } else if (event instanceof PaymentFailed f) {
            orderId = f.orderId();
            customerId = f.customerId();
            reservationId = f.reservationId();
            paymentId = f.paymentId();
            amount = f.amount();
            currency = f.currency();
        } else {
            return;
        }
        Order order = orders.computeIfAbsent(orderId, Order::new);
        order.customerId = customerId;
        order.reservationIds.add(reservationId);
        order.paymentIds.add(paymentId);
        order.amount = amount;
        order.currency = currency;
    }

    private void orderReaches(TicketingEvent event, OrderStatus status) {
        if (event instanceof PaymentSucceeded s) {
            orders.get(s.orderId()).reach(status);
        } else if (event instanceof PaymentFailed f) {
            orders.get(f.orderId()).reach(status);
        }
    }
}
