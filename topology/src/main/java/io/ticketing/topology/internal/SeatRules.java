package io.ticketing.topology.internal;

import io.ticketing.events.PaymentFailed;
import io.ticketing.events.PaymentSucceeded;
import io.ticketing.events.RefundRequested;
import io.ticketing.events.ReservationCreated;
import io.ticketing.events.ReservationExpired;
import io.ticketing.events.SeatListed;
import io.ticketing.events.TicketIssued;
import io.ticketing.events.TicketingEvent;
import io.ticketing.topology.TicketCodes;
import io.ticketing.topology.view.OrderStatus;
import io.ticketing.topology.view.OrderView;
import io.ticketing.topology.view.ReservationStatus;
import io.ticketing.topology.view.SeatStatus;
import io.ticketing.topology.view.SeatView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The table of CONTRACT §3 as a function: (the reservation's state at its seat, the seat, a command) →
 * (the new states, the events to emit). No Kafka types and no I/O: {@link SeatArbiter} reads the two
 * stores, calls this, writes what changed and forwards what it is told to. Both states may be null (not
 * known here); a null reservation in the result means "forget it" (only {@link Command.Revoke} does that).
 *
 * <p>Ticket fields depend only on the input: ids from {@link TicketCodes}, {@code issuedAt} from the
 * triggering record's timestamp ({@code ts}). {@code now} is the wall clock, for retention only.
 */
public final class SeatRules {

    /** An event the decision emits, each kind to its own destination. */
    public sealed interface Emit {
    }

    /** To ticket-issued (key orderId), the ticket view (key ticketId) and the customer's tickets. */
    public record Ticket(TicketIssued ticket) implements Emit {
    }

    /** To refund-requested, key orderId. */
    public record Refund(RefundRequested refund) implements Emit {
    }

    /** To reservation-expired, key reservationId: the app expired it itself (CONTRACT §4). */
    public record Expired(ReservationExpired expired) implements Emit {
    }

    /** To the order views, key orderId (folded there). */
    public record Order(OrderView update) implements Emit {
    }

    public record Decision(SeatReservation reservation, SeatView seat, List<Emit> emits) {

        public Decision {
            emits = List.copyOf(emits);
        }

        static Decision unchanged(SeatReservation reservation, SeatView seat) {
            return new Decision(reservation, seat, List.of());
        }
    }

    private final TicketCodes codes;

    public SeatRules(TicketCodes codes) {
        this.codes = codes;
    }

    public Decision decide(SeatReservation state, SeatView seat, Command command, long ts, long now) {
        if (command instanceof Command.Create create) {
            return created(state, seat, create.event(), ts, now);
        }
        if (command instanceof Command.Pay pay) {
            return paid(state, seat, pay.event(), ts, now);
        }
        if (command instanceof Command.Fail fail) {
            return failed(state, seat, fail.event(), ts, now);
        }
        if (command instanceof Command.Expire) {
            return expired(state, seat, ts, now, null);
        }
        if (command instanceof Command.Revoke revoke) {
            return revoked(state, seat, revoke, ts);
        }
        return Decision.unchanged(state, seat); // Refresh: nothing to decide
    }

    /**
     * A seat of the inventory: a seat not known yet becomes AVAILABLE; one already known (listed
     * before, or reserved) is left as it is, so a listing never frees a held or sold seat.
     */
    public static SeatView listed(SeatView seat, SeatListed listing, long ts) {
        if (seat != null) {
            return seat;
        }
        return new SeatView(listing.seatId(), listing.eventId(), listing.seatNumber(), listing.section(),
                SeatStatus.AVAILABLE, null, Instant.ofEpochMilli(ts));
    }

    /** The app's own TTL ran out (CONTRACT §4): as an expiry, and the app says so. */
    public Decision ttlExpired(SeatReservation state, SeatView seat, long now) {
        return expired(state, seat, now, now, Instant.ofEpochMilli(now));
    }

    // ---- the rows ----

    private Decision created(SeatReservation state, SeatView seat, ReservationCreated c, long ts, long now) {
        if (state != null) {
            return Decision.unchanged(state, seat); // the same reservation-created again
        }
        if (seat != null && c.reservationId().equals(seat.reservationId())) {
            // A copy arriving after its state was purged: the seat still says it is this one's.
            return Decision.unchanged(null, seat);
        }
        if (seat == null || seat.status() == SeatStatus.AVAILABLE) {
            SeatView held = seat == null
                    ? new SeatView(c.seatId(), c.eventId(), c.seatNumber(), c.section(), SeatStatus.HELD,
                            c.reservationId(), Instant.ofEpochMilli(ts))
                    : move(seat, SeatStatus.HELD, c.reservationId(), ts);
            return Decision.unchanged(SeatReservation.of(c, ReservationStatus.ACTIVE, now), held);
        }
        return Decision.unchanged(SeatReservation.of(c, ReservationStatus.REJECTED, now), seat);
    }

    private Decision paid(SeatReservation state, SeatView seat, PaymentSucceeded p, long ts, long now) {
        if (state == null) {
            // Routed here only for a reservation this seat holds or held: its state was purged, and money
            // must not be kept for nothing (I3).
            return refund(null, seat, p, RefundRequested.Reason.UNKNOWN_RESERVATION, ts);
        }
        if (state.decided(p.paymentId())) {
            return Decision.unchanged(state, seat); // the same payment again: already answered
        }
        SeatReservation decided = state.withDecided(p.paymentId());
        if (!matches(state.created(), p)) {
            return refund(decided, seat, p, RefundRequested.Reason.AMOUNT_MISMATCH, ts);
        }
        return switch (state.status()) {
            case ACTIVE -> ticket(decided, seat, p, ts, now);
            case PAYMENT_FAILED, EXPIRED -> {
                boolean paidInTime = !p.processedAt().isAfter(state.created().expiresAt());
                if (paidInTime && seat != null && seat.status() == SeatStatus.AVAILABLE) {
                    yield ticket(decided, seat, p, ts, now);
                }
                yield refund(decided, seat, p, paidInTime ? RefundRequested.Reason.SEAT_UNAVAILABLE
                        : RefundRequested.Reason.RESERVATION_EXPIRED, ts);
            }
            case REJECTED -> refund(decided, seat, p, RefundRequested.Reason.SEAT_UNAVAILABLE, ts);
            case TICKETED -> refund(decided, seat, p, RefundRequested.Reason.DUPLICATE_PAYMENT, ts);
        };
    }

    /** The payment is in the reservation's currency (when it names one) and covers its base price. */
    static boolean matches(ReservationCreated c, PaymentSucceeded p) {
        boolean currency = c.currency() == null || c.currency().equalsIgnoreCase(p.currency());
        return currency && (c.basePrice() == null || p.amount().compareTo(c.basePrice()) >= 0);
    }

    private Decision failed(SeatReservation state, SeatView seat, PaymentFailed f, long ts, long now) {
        // The order is cancelled whatever became of the reservation: its payment failed.
        List<Emit> emits = List.of(new Order(Views.order(f, OrderStatus.CANCELLED, Instant.ofEpochMilli(ts))));
        if (state == null || state.status() != ReservationStatus.ACTIVE) {
            return new Decision(state, seat, emits); // a late loser of a race, or the same failure again
        }
        SeatReservation next = state.failedBy(f.paymentId(), f.orderId(), now);
        return new Decision(next, released(seat, state, ts), emits);
    }

    /** @param expiredAt set when the app expires it itself: it then publishes reservation-expired */
    private Decision expired(SeatReservation state, SeatView seat, long ts, long now, Instant expiredAt) {
        if (state == null || state.status() != ReservationStatus.ACTIVE) {
            return Decision.unchanged(state, seat); // a late loser of a race, or our own expiry read back
        }
        SeatReservation next = state.moveTo(ReservationStatus.EXPIRED, now);
        List<Emit> emits = new ArrayList<>();
        if (expiredAt != null) {
            ReservationCreated c = state.created();
            emits.add(new Expired(new ReservationExpired(TicketingEvent.CURRENT_SCHEMA_VERSION, c.reservationId(),
                    c.seatId(), c.customerId(), c.createdAt(), c.expiresAt(), expiredAt, ReservationExpired.STATUS)));
        }
        return new Decision(next, released(seat, state, ts), emits);
    }

    private Decision revoked(SeatReservation state, SeatView seat, Command.Revoke revoke, long ts) {
        if (state == null || !state.created().seatId().equals(revoke.seatId())) {
            return Decision.unchanged(state, seat);
        }
        return new Decision(null, released(seat, state, ts), List.of());
    }

    // ---- effects ----

    private Decision ticket(SeatReservation state, SeatView seat, PaymentSucceeded p, long ts, long now) {
        ReservationCreated c = state.created();
        String ticketNumber = TicketCodes.ticketNumber(c.reservationId(), c.createdAt());
        String ticketId = TicketCodes.ticketIdOf(ticketNumber);
        Instant issuedAt = Instant.ofEpochMilli(ts);
        TicketIssued ticket = new TicketIssued(TicketingEvent.CURRENT_SCHEMA_VERSION, ticketId, ticketNumber,
                p.orderId(), p.paymentId(), c.customerId(), c.eventId(), c.seatId(), c.seatNumber(), c.section(),
                TicketCodes.pdfPath(ticketId), codes.qrCode(ticketNumber), issuedAt, TicketIssued.STATUS);
        SeatReservation next = state.ticketed(p.paymentId(), p.orderId(), ticketId, now);
        return new Decision(next, move(seat, SeatStatus.SOLD, c.reservationId(), ts), List.of(
                new Ticket(ticket), new Order(Views.order(p, OrderStatus.CONFIRMED, ticketId, issuedAt))));
    }

    private static Decision refund(SeatReservation state, SeatView seat, PaymentSucceeded p,
            RefundRequested.Reason reason, long ts) {
        Instant at = Instant.ofEpochMilli(ts);
        RefundRequested refund = new RefundRequested(TicketingEvent.CURRENT_SCHEMA_VERSION, p.paymentId(),
                p.orderId(), p.customerId(), p.reservationId(), p.amount(), p.currency(), reason.wireName(), at,
                RefundRequested.STATUS);
        return new Decision(state, seat, List.of(new Refund(refund),
                new Order(Views.refunded(p, reason.wireName(), at))));
    }

    /** The seat freed, but only if this reservation is the one holding it. */
    private static SeatView released(SeatView seat, SeatReservation state, long ts) {
        if (seat != null && seat.status() == SeatStatus.HELD
                && state.created().reservationId().equals(seat.reservationId())) {
            return move(seat, SeatStatus.AVAILABLE, null, ts);
        }
        return seat;
    }

    private static SeatView move(SeatView seat, SeatStatus status, String reservationId, long ts) {
        return new SeatView(seat.seatId(), seat.eventId(), seat.seatNumber(), seat.section(), status, reservationId,
                Instant.ofEpochMilli(ts));
    }
}
