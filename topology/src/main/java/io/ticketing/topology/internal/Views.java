package io.ticketing.topology.internal;

import io.ticketing.events.PaymentFailed;
import io.ticketing.events.PaymentSucceeded;
import io.ticketing.events.ReservationCreated;
import io.ticketing.topology.view.OrderStatus;
import io.ticketing.topology.view.OrderView;
import io.ticketing.topology.view.ReservationView;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/** Builds and folds query views. */
public final class Views {

    private Views() {
    }

    public static ReservationView reservation(SeatReservation s, Instant at) {
        ReservationCreated c = s.created();
        return new ReservationView(c.reservationId(), c.eventId(), c.customerId(), c.seatId(), c.seatNumber(),
                c.section(), c.basePrice(), s.status(), c.createdAt(), c.expiresAt(), s.paymentId(), s.orderId(),
                s.ticketId(), at);
    }

    public static OrderView order(PaymentSucceeded p, OrderStatus status, String ticketId, Instant at) {
        return new OrderView(p.orderId(), p.customerId(), List.of(p.reservationId()), p.paymentId(), p.amount(),
                p.currency(), status, ticketId == null ? List.of() : List.of(ticketId), at);
    }

    /** The order of a payment that was refunded, and why. */
    public static OrderView refunded(PaymentSucceeded p, String reason, Instant at) {
        return new OrderView(p.orderId(), p.customerId(), List.of(p.reservationId()), p.paymentId(), p.amount(),
                p.currency(), OrderStatus.REFUND_REQUIRED, List.of(), at,
                List.of(new OrderView.Refund(p.paymentId(), reason)));
    }

    public static OrderView order(PaymentFailed p, OrderStatus status, Instant at) {
        return new OrderView(p.orderId(), p.customerId(), List.of(p.reservationId()), p.paymentId(), p.amount(),
                p.currency(), status, List.of(), at);
    }

    /**
     * Folds an order update into the current view. Updates come from two sub-topologies in no
     * guaranteed order, so the fold is commutative: the status only moves up the {@link OrderStatus}
     * ranks (the payment fields follow the highest-ranked update), id lists are sorted unions, and
     * updatedAt is the latest.
     */
    public static OrderView foldOrder(OrderView current, OrderView update) {
        if (current == null) {
            return normalised(update);
        }
        boolean updateWins = update.status().ordinal() > current.status().ordinal()
                || (update.status() == current.status() && compare(update.paymentId(), current.paymentId()) < 0);
        OrderView top = updateWins ? update : current;
        return new OrderView(current.orderId(),
                top.customerId() != null ? top.customerId() : other(top, current, update).customerId(),
                union(current.reservationIds(), update.reservationIds()),
                top.paymentId(), top.amount(), top.currency(), top.status(),
                union(current.ticketIds(), update.ticketIds()),
                max(current.updatedAt(), update.updatedAt()),
                refunds(current.refunds(), update.refunds()));
    }

    private static OrderView normalised(OrderView v) {
        return new OrderView(v.orderId(), v.customerId(), union(v.reservationIds(), List.of()), v.paymentId(),
                v.amount(), v.currency(), v.status(), union(v.ticketIds(), List.of()), v.updatedAt(),
                refunds(v.refunds(), List.of()));
    }

    private static OrderView other(OrderView top, OrderView a, OrderView b) {
        return top == a ? b : a;
    }

    private static int compare(String a, String b) {
        if (a == null) {
            return b == null ? 0 : 1;
        }
        return b == null ? -1 : a.compareTo(b);
    }

    private static List<String> union(List<String> a, List<String> b) {
        TreeSet<String> all = new TreeSet<>();
        if (a != null) {
            all.addAll(a);
        }
        if (b != null) {
            all.addAll(b);
        }
        return List.copyOf(all);
    }

    /** A sorted union by paymentId: a payment is refunded once, for one reason. */
    private static List<OrderView.Refund> refunds(List<OrderView.Refund> a, List<OrderView.Refund> b) {
        TreeMap<String, OrderView.Refund> all = new TreeMap<>();
        for (List<OrderView.Refund> list : List.of(a, b)) {
            for (OrderView.Refund r : list) {
                all.putIfAbsent(r.paymentId(), r);
            }
        }
        return List.copyOf(all.values());
    }

    private static Instant max(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
