package io.ticketing.topology.internal;

import io.ticketing.events.PaymentSucceeded;
import io.ticketing.events.RefundRequested;
import io.ticketing.events.TicketingEvent;
import io.ticketing.topology.StoreNames;
import io.ticketing.topology.TicketingConfig;
import io.ticketing.topology.view.OrderStatus;
import io.ticketing.topology.view.OrderView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Keyed by reservationId. Learns each reservation's seat from that seat's arbiter ({@link RouteNotice})
 * and keeps it in {@code reservation-routes}, whose changelog every decoder reads as the global
 * {@code route-index}. Only commands the decoders could not route come here: those that arrived before
 * their seat had read the reservation-created (held, in arrival order, and sent to the seat when its
 * notice comes), and those that overtook the index (sent on at once).
 *
 * <p>A held command whose reservation never comes is resolved after the orphan timeout: a
 * payment-succeeded is refunded ({@code unknown-reservation}), a failure or an expiry is dropped and
 * counted. Its identity is remembered, and goes into the route if the reservation comes after all, so a
 * later copy is absorbed wherever it is routed (I3, and §3 "the same event again changes nothing").
 *
 * <p>A route lives as long as the arbiter keeps the reservation: the arbiter says when it forgets one.
 * Orphans have timers (rare, due within minutes; in memory, rebuilt from {@code pending-commands} when the
 * task starts); resolved orphans are forgotten by a sweep.
 */
public final class ReservationRouter implements Processor<String, Object, Object, Object> {

    public static final String TO_SEAT = EventDecoder.TO_SEAT;
    public static final String TO_PENDING_ORDERS = "pending-order-updates-repartition-filter";
    public static final String TO_REFUNDS = "reservation-router-refunds";

    static final String ORPHAN = "orphan";
    private static final int MAX_TIMERS_PER_TICK = 10_000;

    private final TicketingConfig config;
    private ProcessorContext<Object, Object> context;
    private KeyValueStore<String, Route> routes;
    private KeyValueStore<String, PendingCommands> pending;
    private TimerIndex timers;
    private StoreSweep<PendingCommands> pendingSweep;
    private Sensor orphansDropped;
    private Sensor orphansRefunded;

    public ReservationRouter(TicketingConfig config) {
        this.config = config;
    }

    public static ProcessorSupplier<String, Object, Object, Object> supplier(TicketingConfig config) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, Object, Object, Object> get() {
                return new ReservationRouter(config);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(
                        StateStores.persistent(StoreNames.RESERVATION_ROUTES, Route.class),
                        StateStores.persistent(StoreNames.PENDING_COMMANDS, PendingCommands.class),
                        StateStores.derived(StoreNames.ROUTER_TIMERS, Serdes.String()));
            }
        };
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        this.routes = context.getStateStore(StoreNames.RESERVATION_ROUTES);
        this.pending = context.getStateStore(StoreNames.PENDING_COMMANDS);
        this.timers = new TimerIndex(context.getStateStore(StoreNames.ROUTER_TIMERS));
        this.pendingSweep = new StoreSweep<>(pending);
        timers.rebuild(pending, (reservationId, waiting) -> {
            if (!waiting.held().isEmpty()) {
                timers.schedule(ORPHAN, reservationId, earliestOrphanDue(waiting));
            }
        });
        this.orphansDropped = Sensors.counter(context, "reservation-router", Sensors.ORPHANS_DROPPED);
        this.orphansRefunded = Sensors.counter(context, "reservation-router", Sensors.ORPHANS_REFUNDED);
        context.schedule(config.punctuateInterval(), PunctuationType.WALL_CLOCK_TIME, now -> {
            fireTimers(now);
            sweep(now);
        });
    }

    @Override
    public void process(Record<String, Object> record) {
        Object value = record.value();
        if (value instanceof RouteNotice.Held held) {
            held(held, record.timestamp());
        } else if (value instanceof RouteNotice.Forgotten forgotten) {
            Route route = routes.get(forgotten.reservationId());
            if (route != null && route.seatId().equals(forgotten.seatId())) {
                routes.delete(forgotten.reservationId());
            }
        } else if (value instanceof Command command) {
            command(command, record.timestamp());
        }
    }

    /** The seat's arbiter now holds the reservation: the route is known, what waited for it goes on. */
    private void held(RouteNotice.Held notice, long timestamp) {
        String reservationId = notice.reservationId();
        Route route = routes.get(reservationId);
        if (route != null) {
            if (!route.seatId().equals(notice.seatId())) {
                // Created twice, for two seats, and both read before either was routed: the first routed
                // stands; the other seat lets go, and the first writes its view again over the other's.
                toSeat(notice.seatId(), new Command.Revoke(reservationId, notice.seatId()), timestamp);
                toSeat(route.seatId(), new Command.Refresh(reservationId), timestamp);
            }
            return; // else the same notice again
        }
        PendingCommands waiting = pending.get(reservationId);
        routes.put(reservationId, new Route(notice.seatId(),
                waiting == null ? List.of() : waiting.resolvedOrphans()));
        if (waiting != null) {
            for (PendingCommands.Held held : waiting.held()) {
                toSeat(notice.seatId(), held.command(), held.timestamp());
            }
            // Its orphan timer, if any, finds nothing pending when it fires.
            pending.delete(reservationId);
        }
    }

    private void command(Command command, long timestamp) {
        Route route = routes.get(command.reservationId());
        if (command instanceof Command.Create create) {
            if (route == null) {
                // The index knew a route this store has forgotten since: its seat decides, as for any create.
                toSeat(create.event().seatId(), command, timestamp);
            }
            return; // else the same reservation again, or another seat claiming it: the routed seat stands
        }
        if (route == null) {
            hold(command, timestamp);
        } else if (!route.resolved(command)) {
            toSeat(route.seatId(), command, timestamp); // it overtook the index
        }
    }

    private void hold(Command command, long timestamp) {
        String reservationId = command.reservationId();
        PendingCommands waiting = pending.get(reservationId);
        if (waiting == null) {
            waiting = PendingCommands.EMPTY;
        }
        if (waiting.resolvedOrphans().contains(command.identity()) || waiting.holds(command.identity())) {
            return;
        }
        long now = context.currentSystemTimeMs();
        PendingCommands next = waiting.with(new PendingCommands.Held(command, timestamp, now));
        pending.put(reservationId, next);
        if (waiting.held().isEmpty()) {
            // The first one held sets the timer; a later one is due later and is rescheduled when the
            // first is resolved.
            timers.schedule(ORPHAN, reservationId, earliestOrphanDue(next));
        }
        Instant at = Instant.ofEpochMilli(timestamp);
        if (command instanceof Command.Pay pay) {
            order(Views.order(pay.event(), OrderStatus.PENDING, null, at), timestamp);
        } else if (command instanceof Command.Fail fail) {
            order(Views.order(fail.event(), OrderStatus.PENDING, at), timestamp);
        }
    }

    private long earliestOrphanDue(PendingCommands waiting) {
        long earliest = Long.MAX_VALUE;
        for (PendingCommands.Held h : waiting.held()) {
            earliest = Math.min(earliest, h.heldAt());
        }
        return earliest + config.orphanTimeout().toMillis();
    }

    private void fireTimers(long now) {
        for (TimerIndex.Due due : timers.takeDue(now, MAX_TIMERS_PER_TICK)) {
            if (ORPHAN.equals(due.kind())) {
                resolveOrphans(due.id(), now);
            }
        }
    }

    /** Retention (CONTRACT §4): resolved orphans are forgotten a retention period after they were resolved. */
    private void sweep(long now) {
        long retention = config.retention().toMillis();
        pendingSweep.next((reservationId, waiting) -> {
            if (waiting.held().isEmpty() && now >= waiting.resolvedAtMillis() + retention) {
                pending.delete(reservationId);
            }
        });
    }

    private void resolveOrphans(String reservationId, long now) {
        PendingCommands waiting = pending.get(reservationId);
        long timeout = config.orphanTimeout().toMillis();
        if (waiting == null || waiting.held().stream().noneMatch(h -> h.heldAt() + timeout <= now)) {
            return; // a stale timer: the reservation came, or nothing held is due yet
        }
        List<PendingCommands.Held> stillWaiting = new ArrayList<>();
        List<String> resolved = new ArrayList<>(waiting.resolvedOrphans());
        Instant at = Instant.ofEpochMilli(now);
        for (PendingCommands.Held held : waiting.held()) {
            if (held.heldAt() + timeout > now) {
                stillWaiting.add(held);
            } else if (held.command() instanceof Command.Pay pay) {
                refundUnknown(pay.event(), at, now);
                resolved.add(held.command().identity());
                orphansRefunded.record();
            } else {
                if (held.command() instanceof Command.Fail fail) {
                    order(Views.order(fail.event(), OrderStatus.CANCELLED, at), now);
                }
                resolved.add(held.command().identity());
                orphansDropped.record();
            }
        }
        // What was resolved is remembered for a retention period from now (the sweep forgets it then).
        PendingCommands next = new PendingCommands(stillWaiting, resolved, now);
        pending.put(reservationId, next);
        if (!stillWaiting.isEmpty()) {
            timers.schedule(ORPHAN, reservationId, earliestOrphanDue(next));
        }
    }

    private void refundUnknown(PaymentSucceeded p, Instant at, long now) {
        String reason = RefundRequested.Reason.UNKNOWN_RESERVATION.wireName();
        RefundRequested refund = new RefundRequested(TicketingEvent.CURRENT_SCHEMA_VERSION, p.paymentId(),
                p.orderId(), p.customerId(), p.reservationId(), p.amount(), p.currency(), reason, at,
                RefundRequested.STATUS);
        context.forward(new Record<Object, Object>(p.orderId(), refund, now), TO_REFUNDS);
        order(Views.refunded(p, reason, at), now);
    }

    private void toSeat(String seatId, Command command, long timestamp) {
        context.forward(new Record<Object, Object>(seatId, command, timestamp), TO_SEAT);
    }

    private void order(OrderView update, long timestamp) {
        context.forward(new Record<Object, Object>(update.orderId(), update, timestamp), TO_PENDING_ORDERS);
    }
}
