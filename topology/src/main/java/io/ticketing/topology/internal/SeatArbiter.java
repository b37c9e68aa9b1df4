package io.ticketing.topology.internal;

import io.ticketing.events.TicketIssued;
import io.ticketing.topology.CustomerTicketKeys;
import io.ticketing.topology.OwnExpiry;
import io.ticketing.topology.StoreNames;
import io.ticketing.topology.TicketCodes;
import io.ticketing.topology.TicketingConfig;
import io.ticketing.topology.view.ReservationStatus;
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
 * meets here, so "is the seat free" and "take it" are one step. Reads the reservation and the seat,
 * asks {@link SeatRules}, writes what changed and forwards what it is told to, each kind to its own
 * named child, at the moment of the transition.
 *
 * <p>Tells the router ({@link RouteNotice}) when it starts keeping a reservation, so that every later
 * command for it can be sent here directly, and when it forgets one.
 *
 * <p>Stores: {@code seat-reservations} and {@code seats} (the state decided on), {@code seat-timers}
 * (TTLs of the ACTIVE reservations: in memory, rebuilt from {@code seat-reservations} when the task starts), {@code show-seats} (an index of each show's seats, written once per seat) and
 * {@code show-summary} (counts by show, section and status: derived from {@code seats} in memory,
 * rebuilt from it when the task starts, so a seat transition costs no extra write).
 */
public final class SeatArbiter implements Processor<String, Command, Object, Object> {

    public static final String TO_TICKETS = "seat-arbiter-tickets";
    public static final String TO_REFUNDS = "seat-arbiter-refunds";
    public static final String TO_EXPIRED = "seat-arbiter-expired";
    public static final String TO_RESERVATION_VIEWS = "seat-arbiter-reservation-views";
    public static final String TO_TICKET_VIEWS = "seat-arbiter-ticket-views";
    public static final String TO_CUSTOMER_TICKETS = "seat-arbiter-customer-tickets";
    public static final String TO_ORDER_UPDATES = "order-updates-repartition-filter";
    public static final String TO_ROUTE_NOTICES = "route-notices-repartition-filter";

    static final String EXPIRY = "expiry";
    private static final int MAX_TIMERS_PER_TICK = 10_000;

    private final TicketingConfig config;
    private final SeatRules rules;
    private ProcessorContext<Object, Object> context;
    private KeyValueStore<String, SeatView> seats;
    private KeyValueStore<String, SeatReservation> reservations;
    private KeyValueStore<String, String> showSeats;
    private KeyValueStore<String, Long> summary;
    private TimerIndex timers;
    private StoreSweep<SeatReservation> retention;

    public SeatArbiter(TicketingConfig config) {
        this.config = config;
        this.rules = new SeatRules(new TicketCodes(config.ticketSecret()));
    }

    public static ProcessorSupplier<String, Command, Object, Object> supplier(TicketingConfig config) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, Command, Object, Object> get() {
                return new SeatArbiter(config);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(
                        StateStores.persistent(StoreNames.SEATS, SeatView.class),
                        StateStores.persistent(StoreNames.SEAT_RESERVATIONS, SeatReservation.class),
                        StateStores.persistent(StoreNames.SHOW_SEATS, String.class),
                        StateStores.derived(StoreNames.SHOW_SUMMARY, Serdes.Long()),
                        StateStores.derived(StoreNames.SEAT_TIMERS, Serdes.String()));
            }
        };
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        this.seats = context.getStateStore(StoreNames.SEATS);
        this.reservations = context.getStateStore(StoreNames.SEAT_RESERVATIONS);
        this.showSeats = context.getStateStore(StoreNames.SHOW_SEATS);
        this.summary = context.getStateStore(StoreNames.SHOW_SUMMARY);
        this.timers = new TimerIndex(context.getStateStore(StoreNames.SEAT_TIMERS));
        this.retention = new StoreSweep<>(reservations);
        recountSummary();
        timers.rebuild(reservations, (reservationId, state) -> {
            if (state.status() == ReservationStatus.ACTIVE) {
                scheduleTtl(state);
            }
        });
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
        String seatId = record.key();
        String reservationId = command.reservationId();
        SeatReservation state = reservationId == null ? null : reservations.get(reservationId);
        SeatView seat = seats.get(seatId);
        if (command instanceof Command.Stock stock) {
            SeatView listed = SeatRules.listed(seat, stock.event(), record.timestamp());
            if (listed != seat) {
                seat(seat, listed);
            }
            return;
        }
        if (command instanceof Command.Refresh) {
            if (state != null) {
                reservationView(state, record.timestamp());
            }
            return;
        }
        long now = context.currentSystemTimeMs();
        apply(reservationId, seatId, state, seat, rules.decide(state, seat, command, record.timestamp(), now),
                record.timestamp());
    }

    /** Writes what the decision changed and forwards what it emits. */
    private void apply(String reservationId, String seatId, SeatReservation before, SeatView seatBefore,
            SeatRules.Decision decision, long ts) {
        SeatReservation after = decision.reservation();
        if (after == null && before != null) {
            reservations.delete(reservationId); // revoked: the seat that stands writes the view
        } else if (after != before) {
            reservations.put(reservationId, after);
            reservationView(after, ts);
            if (before == null) {
                held(after, seatId, ts);
            }
        }
        if (decision.seat() != seatBefore) {
            seat(seatBefore, decision.seat());
        }
        for (SeatRules.Emit emit : decision.emits()) {
            emit(emit, ts);
        }
    }

    /** A reservation new to this seat: its TTL, and the router learns where it lives. */
    private void held(SeatReservation state, String seatId, long ts) {
        if (state.status() == ReservationStatus.ACTIVE) {
            scheduleTtl(state);
        }
        String reservationId = state.created().reservationId();
        context.forward(new Record<Object, Object>(reservationId, new RouteNotice.Held(reservationId, seatId), ts),
                TO_ROUTE_NOTICES);
    }

    /** Not cancelled when the reservation moves on: it fires, finds it no longer ACTIVE, and goes. */
    private void scheduleTtl(SeatReservation state) {
        timers.schedule(EXPIRY, state.created().reservationId(),
                state.created().expiresAt().plus(config.expiryGrace()).toEpochMilli());
    }

    private void emit(SeatRules.Emit emit, long ts) {
        if (emit instanceof SeatRules.Ticket t) {
            TicketIssued ticket = t.ticket();
            context.forward(new Record<Object, Object>(ticket.orderId(), ticket, ts), TO_TICKETS);
            context.forward(new Record<Object, Object>(ticket.ticketId(), ticket, ts), TO_TICKET_VIEWS);
            context.forward(new Record<Object, Object>(CustomerTicketKeys.key(ticket.customerId(), ticket.ticketId()),
                    ticket, ts), TO_CUSTOMER_TICKETS);
        } else if (emit instanceof SeatRules.Refund r) {
            context.forward(new Record<Object, Object>(r.refund().orderId(), r.refund(), ts), TO_REFUNDS);
        } else if (emit instanceof SeatRules.Expired e) {
            context.forward(new Record<Object, Object>(e.expired().reservationId(), e.expired(), ts,
                    OwnExpiry.headers()), TO_EXPIRED);
        } else if (emit instanceof SeatRules.Order o) {
            context.forward(new Record<Object, Object>(o.update().orderId(), o.update(), ts), TO_ORDER_UPDATES);
        }
    }

    private void reservationView(SeatReservation state, long ts) {
        String reservationId = state.created().reservationId();
        context.forward(new Record<Object, Object>(reservationId, Views.reservation(state, Instant.ofEpochMilli(ts)),
                ts), TO_RESERVATION_VIEWS);
    }

    // ---- seats and the show-wide views ----

    /** A seat seen for the first time is written once, with its show's index entry (a seat's show never changes). */
    private void seat(SeatView before, SeatView after) {
        if (before == null) {
            showSeats.put(StoreNames.showSeatKey(after.eventId(), after.seatId()), after.seatId());
        } else {
            count(before, -1);
        }
        seats.put(after.seatId(), after);
        count(after, +1);
        config.listener().seatChanged(after);
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
        }
    }

    /** The app's own TTL (CONTRACT §4): neither a payment nor an expiry was applied in time. */
    private void expireNow(String reservationId, long now) {
        SeatReservation state = reservations.get(reservationId);
        if (state == null || state.status() != ReservationStatus.ACTIVE) {
            return;
        }
        String seatId = state.created().seatId();
        SeatView seat = seats.get(seatId);
        apply(reservationId, seatId, state, seat, rules.ttlExpired(state, seat, now), now);
    }

    /** Never before expiresAt + grace: until then commands may still come for it. */
    private long purgeAt(SeatReservation state) {
        long after = Math.max(state.terminalAtMillis(),
                state.created().expiresAt().plus(config.expiryGrace()).toEpochMilli());
        return after + config.retention().toMillis();
    }

    /**
     * Retention (CONTRACT §4): a terminal reservation goes a retention period after it is final, its
     * view and its route with it. A TICKETED one stays as long as the seat it bought (SOLD seats are
     * kept), and so does its route, so a copy of its payment, however late, is known here as a
     * duplicate and never also refunded (I3): one record per sold seat; only its view goes.
     */
    private void sweep(long now) {
        retention.next((reservationId, state) -> {
            if (!state.status().isTerminal() || now < purgeAt(state)) {
                return;
            }
            if (state.status() != ReservationStatus.TICKETED) {
                reservations.delete(reservationId);
                context.forward(new Record<Object, Object>(reservationId,
                        new RouteNotice.Forgotten(reservationId, state.created().seatId()), now), TO_ROUTE_NOTICES);
            } else if (!state.viewPurged()) {
                reservations.put(reservationId, state.withViewPurged());
            } else {
                return;
            }
            context.forward(new Record<Object, Object>(reservationId, null, now), TO_RESERVATION_VIEWS);
        });
    }
}
