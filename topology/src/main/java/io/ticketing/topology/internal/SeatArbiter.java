package io.ticketing.topology.internal;

import io.ticketing.events.PaymentFailed;
import io.ticketing.events.PaymentSucceeded;
import io.ticketing.events.RefundRequested;
import io.ticketing.events.ReservationCreated;
import io.ticketing.events.ReservationExpired;
import io.ticketing.events.TicketIssued;
import io.ticketing.events.TicketingEvent;
import io.ticketing.topology.CustomerTicketKeys;
import io.ticketing.topology.OwnExpiry;
import io.ticketing.topology.StoreNames;
import io.ticketing.topology.TicketCodes;
import io.ticketing.topology.TicketingConfig;
import io.ticketing.topology.view.OrderStatus;
import io.ticketing.topology.view.OrderView;
import io.ticketing.topology.view.ReservationStatus;
import io.ticketing.topology.view.SeatStatus;
import io.ticketing.topology.view.SeatView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Keyed by seatId: the single authority on HELD and SOLD (CONTRACT §3). Every reservation of a seat
 * meets here, so "is the seat free" and "take it" are one step. Decides every row of the §3 table
 * and emits ticket-issued, refund-requested and its own reservation-expired at the moment of the
 * transition, plus the view updates that follow from it.
 *
 * <p>Ticket fields depend only on the input: ids from {@link TicketCodes}, issuedAt from the
 * triggering record's timestamp. Only the TTL timers and the retention sweep use the wall clock.
 *
 * <p>Stores: {@code seat-reservations} and {@code seats} (the state decided on), {@code seat-timers}
 * (TTLs), {@code show-seats} (an index of each show's seats, written once per seat) and
 * {@code show-summary} (counts by show, section and status: derived from {@code seats} in memory,
 * rebuilt from it when the task starts, so a seat transition costs no extra write).
 */
public final class SeatArbiter implements Processor<String, Command, String, Output> {

    static final String EXPIRY = "expiry";
    private static final int MAX_TIMERS_PER_TICK = 10_000;

    private final TicketingConfig config;
    private final TicketCodes codes;
    private ProcessorContext<String, Output> context;
    private KeyValueStore<String, SeatView> seats;
    private KeyValueStore<String, SeatReservation> reservations;
    private KeyValueStore<String, String> showSeats;
    private KeyValueStore<String, Long> summary;
    private TimerIndex timers;
    private StoreSweep<SeatReservation> retention;

    public SeatArbiter(TicketingConfig config) {
        this.config = config;
        this.codes = new TicketCodes(config.ticketSecret());
    }

    public static ProcessorSupplier<String, Command, String, Output> supplier(TicketingConfig config) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, Command, String, Output> get() {
                return new SeatArbiter(config);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(
                        StateStores.persistent(StoreNames.SEATS, SeatView.class),
                        StateStores.persistent(StoreNames.SEAT_RESERVATIONS, SeatReservation.class),
                        StateStores.persistent(StoreNames.SHOW_SEATS, String.class),
                        StateStores.derived(StoreNames.SHOW_SUMMARY, Serdes.Long()),
                        StateStores.persistent(StoreNames.SEAT_TIMERS, String.class));
            }
        };
    }

    @Override
    public void init(ProcessorContext<String, Output> context) {
        this.context = context;
        this.seats = context.getStateStore(StoreNames.SEATS);
        this.reservations = context.getStateStore(StoreNames.SEAT_RESERVATIONS);
        this.showSeats = context.getStateStore(StoreNames.SHOW_SEATS);
        this.summary = context.getStateStore(StoreNames.SHOW_SUMMARY);
        this.timers = new TimerIndex(context.getStateStore(StoreNames.SEAT_TIMERS));
        this.retention = new StoreSweep<>(reservations);
        recountSummary();
        context.schedule(config.punctuateInterval(), PunctuationType.WALL_CLOCK_TIME, now -> {
            fireTimers(now);
            sweep(now);
        });
    }

    /**
     * The summary is the count of {@code seats} by show, section and status. Called when the task
     * starts, after its stores are restored; a task that is resumed starts from an empty count too.
     */
    private void recountSummary() {
        List<String> stale = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = summary.all()) {
            it.forEachRemaining(entry -> stale.add(entry.key));
        }
        stale.forEach(summary::delete);
        try (KeyValueIterator<String, SeatView> it = seats.all()) {
            it.forEachRemaining(entry -> count(entry.value, +1));
        }
    }

    @Override
    public void process(Record<String, Command> record) {
        Command command = record.value();
        long ts = record.timestamp();
        if (command instanceof Command.Create create) {
            created(create.event(), ts);
            return;
        }
        SeatReservation state = reservations.get(command.reservationId());
        if (command instanceof Command.Pay pay) {
            paid(state, pay.event(), ts);
        } else if (command instanceof Command.Fail fail) {
            failed(state, fail.event(), ts);
        } else if (command instanceof Command.Expire expire) {
            expired(state, expire.event(), ts);
        }
    }

    // ---- the rows of CONTRACT §3 ----

    private void created(ReservationCreated c, long ts) {
        if (reservations.get(c.reservationId()) != null) {
            return; // the same reservation-created again
        }
        long now = context.currentSystemTimeMs();
        SeatView seat = seats.get(c.seatId());
        if (seat != null && c.reservationId().equals(seat.reservationId())) {
            return; // a copy arriving after its state was purged: the seat still says it is this one's
        }
        SeatReservation state;
        if (seat == null || seat.status() == SeatStatus.AVAILABLE) {
            if (seat == null) {
                firstHold(c, ts); // a seat never seen before: written (and counted) once, already HELD
            } else {
                moveSeat(seat, SeatStatus.HELD, c.reservationId(), ts);
            }
            state = SeatReservation.of(c, ReservationStatus.ACTIVE, now);
            // Not cancelled when the reservation moves on: it fires, finds it no longer ACTIVE, and goes.
            timers.schedule(EXPIRY, c.reservationId(), c.expiresAt().plus(config.expiryGrace()).toEpochMilli());
        } else {
            state = SeatReservation.of(c, ReservationStatus.REJECTED, now);
        }
        save(state, ts);
    }

    private void paid(SeatReservation state, PaymentSucceeded p, long ts) {
        if (state == null) {
            // The router sends nothing for a reservation it has not seen created; only state purged
            // under a very late payment gets here. Money must not be kept for nothing (I3).
            refund(p, RefundRequested.Reason.UNKNOWN_RESERVATION, ts);
            return;
        }
        if (state.decided(p.paymentId())) {
            return; // the same payment again: already answered with a ticket or a refund
        }
        SeatReservation decided = state.withDecided(p.paymentId());
        switch (state.status()) {
            case ACTIVE -> ticket(decided, p, seats.get(state.created().seatId()), ts);
            case PAYMENT_FAILED, EXPIRED -> {
                SeatView seat = seats.get(state.created().seatId());
                boolean paidInTime = !p.processedAt().isAfter(state.created().expiresAt());
                if (paidInTime && seat != null && seat.status() == SeatStatus.AVAILABLE) {
                    ticket(decided, p, seat, ts);
                } else {
                    reservations.put(state.created().reservationId(), decided);
                    refund(p, paidInTime ? RefundRequested.Reason.SEAT_UNAVAILABLE
                            : RefundRequested.Reason.RESERVATION_EXPIRED, ts);
                }
            }
            case REJECTED -> {
                reservations.put(state.created().reservationId(), decided);
                refund(p, RefundRequested.Reason.SEAT_UNAVAILABLE, ts);
            }
            case TICKETED -> {
                reservations.put(state.created().reservationId(), decided);
                refund(p, RefundRequested.Reason.DUPLICATE_PAYMENT, ts);
            }
            default -> throw new IllegalStateException("unknown reservation status " + state.status());
        }
    }

    private void failed(SeatReservation state, PaymentFailed f, long ts) {
        Instant at = Instant.ofEpochMilli(ts);
        // The order is cancelled whatever became of the reservation: its payment failed.
        order(Views.order(f, OrderStatus.CANCELLED, at), ts);
        if (state == null || state.status() != ReservationStatus.ACTIVE) {
            return; // a late loser of a race, or the same failure again
        }
        SeatReservation next = state.failedBy(f.paymentId(), f.orderId(), context.currentSystemTimeMs());
        release(next, ts);
        save(next, ts);
    }

    private void expired(SeatReservation state, ReservationExpired e, long ts) {
        if (state == null || state.status() != ReservationStatus.ACTIVE) {
            return; // a late loser of a race, or our own expiry read back
        }
        SeatReservation next = state.moveTo(ReservationStatus.EXPIRED, context.currentSystemTimeMs());
        release(next, ts);
        save(next, ts);
    }

    /** The app's own TTL (CONTRACT §4): neither a payment nor an expiry was applied in time. */
    private void expireNow(String reservationId, long now) {
        SeatReservation state = reservations.get(reservationId);
        if (state == null || state.status() != ReservationStatus.ACTIVE) {
            return;
        }
        SeatReservation next = state.moveTo(ReservationStatus.EXPIRED, now);
        release(next, now);
        save(next, now);
        ReservationCreated c = state.created();
        ReservationExpired event = new ReservationExpired(TicketingEvent.CURRENT_SCHEMA_VERSION, c.reservationId(),
                c.seatId(), c.customerId(), c.createdAt(), c.expiresAt(), Instant.ofEpochMilli(now),
                ReservationExpired.STATUS);
        context.forward(new Record<>(c.reservationId(), new Output.Expired(event), now, OwnExpiry.headers()));
    }

    // ---- effects ----

    private void ticket(SeatReservation state, PaymentSucceeded p, SeatView seat, long ts) {
        ReservationCreated c = state.created();
        String ticketNumber = TicketCodes.ticketNumber(c.reservationId(), c.createdAt());
        String ticketId = TicketCodes.ticketIdOf(ticketNumber);
        Instant issuedAt = Instant.ofEpochMilli(ts);
        TicketIssued ticket = new TicketIssued(TicketingEvent.CURRENT_SCHEMA_VERSION, ticketId, ticketNumber,
                p.orderId(), p.paymentId(), c.customerId(), c.eventId(), c.seatId(), c.seatNumber(), c.section(),
                TicketCodes.pdfPath(ticketId), codes.qrCode(ticketNumber), issuedAt, TicketIssued.STATUS);
        moveSeat(seat, SeatStatus.SOLD, c.reservationId(), ts);
        SeatReservation next = state.ticketed(p.paymentId(), p.orderId(), ticketId, context.currentSystemTimeMs());
        save(next, ts);
        context.forward(new Record<>(p.orderId(), new Output.Ticket(ticket), ts));
        order(Views.order(p, OrderStatus.CONFIRMED, ticketId, issuedAt), ts);
        context.forward(new Record<>(ticketId, new Output.TicketView(ticket), ts));
        context.forward(new Record<>(CustomerTicketKeys.key(ticket.customerId(), ticketId),
                new Output.CustomerTicket(ticket), ts));
    }

    private void refund(PaymentSucceeded p, RefundRequested.Reason reason, long ts) {
        Instant at = Instant.ofEpochMilli(ts);
        RefundRequested refund = new RefundRequested(TicketingEvent.CURRENT_SCHEMA_VERSION, p.paymentId(),
                p.orderId(), p.customerId(), p.reservationId(), p.amount(), p.currency(), reason.wireName(), at,
                RefundRequested.STATUS);
        context.forward(new Record<>(p.orderId(), new Output.Refund(refund), ts));
        order(Views.order(p, OrderStatus.REFUND_REQUIRED, null, at), ts);
    }

    /** Frees the seat, but only if this reservation is the one holding it. */
    private void release(SeatReservation state, long ts) {
        SeatView seat = seats.get(state.created().seatId());
        if (seat != null && seat.status() == SeatStatus.HELD
                && state.created().reservationId().equals(seat.reservationId())) {
            moveSeat(seat, SeatStatus.AVAILABLE, null, ts);
        }
    }

    private void save(SeatReservation state, long ts) {
        String reservationId = state.created().reservationId();
        reservations.put(reservationId, state);
        context.forward(new Record<>(reservationId,
                new Output.Reservation(Views.reservation(state, Instant.ofEpochMilli(ts))), ts));
    }

    /** Never before expiresAt + grace: until then the router may still send commands for it. */
    private long purgeAt(SeatReservation state) {
        long after = Math.max(state.terminalAtMillis(),
                state.created().expiresAt().plus(config.expiryGrace()).toEpochMilli());
        return after + config.retention().toMillis();
    }

    // ---- seats and the show-wide views ----

    /**
     * The first reservation of a seat never seen before holds it: one write of the seat, one of its
     * show's index (a seat's show never changes), one count.
     */
    private void firstHold(ReservationCreated c, long ts) {
        SeatView seat = new SeatView(c.seatId(), c.eventId(), c.seatNumber(), c.section(), SeatStatus.HELD,
                c.reservationId(), Instant.ofEpochMilli(ts));
        seats.put(seat.seatId(), seat);
        showSeats.put(StoreNames.showSeatKey(seat.eventId(), seat.seatId()), seat.seatId());
        count(seat, +1);
    }

    private void moveSeat(SeatView seat, SeatStatus status, String reservationId, long ts) {
        SeatView next = new SeatView(seat.seatId(), seat.eventId(), seat.seatNumber(), seat.section(), status,
                reservationId, Instant.ofEpochMilli(ts));
        count(seat, -1);
        seats.put(next.seatId(), next);
        count(next, +1);
    }

    private void count(SeatView seat, long delta) {
        String key = StoreNames.showSummaryKey(seat.eventId(), seat.section(), seat.status().name());
        Long current = summary.get(key);
        long next = (current == null ? 0L : current) + delta;
        if (next == 0L) {
            summary.delete(key);
        } else {
            summary.put(key, next);
        }
    }

    // ---- timers and retention ----

    private void fireTimers(long now) {
        for (TimerIndex.Due due : timers.takeDue(now, MAX_TIMERS_PER_TICK)) {
            if (EXPIRY.equals(due.kind())) {
                expireNow(due.id(), now);
            }
            // Any other kind was written by an earlier version (retention timers, now a sweep): taken, done.
        }
    }

    /**
     * Retention (CONTRACT §4): a terminal reservation goes a retention period after it is final, its
     * view with it. A TICKETED one stays as long as the seat it bought (SOLD seats are kept), so a copy
     * of its payment, however late, is known as a duplicate and never also refunded (I3): one record
     * per sold seat; only its view goes.
     */
    private void sweep(long now) {
        retention.next((reservationId, state) -> {
            if (!state.status().isTerminal() || now < purgeAt(state)) {
                return;
            }
            if (state.status() != ReservationStatus.TICKETED) {
                reservations.delete(reservationId);
            } else if (!state.viewPurged()) {
                reservations.put(reservationId, state.withViewPurged());
            } else {
                return;
            }
            context.forward(new Record<>(reservationId, new Output.Reservation(null), now));
        });
    }

    private void order(OrderView update, long ts) {
        context.forward(new Record<>(update.orderId(), new Output.Order(update), ts));
    }
}
