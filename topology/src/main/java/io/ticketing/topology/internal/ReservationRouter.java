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
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Keyed by reservationId. Knows each created reservation's seat and sends every command on to the
 * seat's task. Payments and expiries that arrive before their reservation-created are held, in
 * arrival order, and sent right after it; a copy of reservation-created is absorbed here. A held
 * command whose reservation never comes is resolved after the orphan timeout: a payment-succeeded is
 * refunded ({@code unknown-reservation}), a failure or an expiry is dropped and counted. Either way its
 * identity is remembered, so that a copy arriving later, even after the reservation, is absorbed (I3,
 * and §3 "the same event again changes nothing").
 *
 * <p>Orphans have timers (they are rare and due within minutes); retention is enforced by sweeping
 * the two stores ({@link StoreSweep}), which costs no writes.
 */
public final class ReservationRouter implements Processor<String, Command, String, Output> {

    static final String ORPHAN = "orphan";
    private static final int MAX_TIMERS_PER_TICK = 10_000;

    private final TicketingConfig config;
    private ProcessorContext<String, Output> context;
    private KeyValueStore<String, Route> routes;
    private KeyValueStore<String, PendingCommands> pending;
    private TimerIndex timers;
    private StoreSweep<Route> routeSweep;
    private StoreSweep<PendingCommands> pendingSweep;
    private Sensor orphansDropped;
    private Sensor orphansRefunded;

    public ReservationRouter(TicketingConfig config) {
        this.config = config;
    }

    public static ProcessorSupplier<String, Command, String, Output> supplier(TicketingConfig config) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, Command, String, Output> get() {
                return new ReservationRouter(config);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(
                        StateStores.persistent(StoreNames.RESERVATION_ROUTES, Route.class),
                        StateStores.persistent(StoreNames.PENDING_COMMANDS, PendingCommands.class),
                        StateStores.persistent(StoreNames.ROUTER_TIMERS, String.class));
            }
        };
    }

    @Override
    public void init(ProcessorContext<String, Output> context) {
        this.context = context;
        this.routes = context.getStateStore(StoreNames.RESERVATION_ROUTES);
        this.pending = context.getStateStore(StoreNames.PENDING_COMMANDS);
        this.timers = new TimerIndex(context.getStateStore(StoreNames.ROUTER_TIMERS));
        this.routeSweep = new StoreSweep<>(routes);
        this.pendingSweep = new StoreSweep<>(pending);
        this.orphansDropped = Sensors.counter(context, "reservation-router", Sensors.ORPHANS_DROPPED);
        this.orphansRefunded = Sensors.counter(context, "reservation-router", Sensors.ORPHANS_REFUNDED);
        context.schedule(config.punctuateInterval(), PunctuationType.WALL_CLOCK_TIME, now -> {
            fireTimers(now);
            sweep(now);
        });
    }

    @Override
    public void process(Record<String, Command> record) {
        Command command = record.value();
        String reservationId = command.reservationId();
        Route route = routes.get(reservationId);
        if (command instanceof Command.Create create) {
            if (route == null) {
                created(create, record.timestamp());
            }
            // else: the same reservation-created again; the seat already knows it
            return;
        }
        if (route != null) {
            if (!route.resolvedOrphans().contains(command.identity())) {
                if (command instanceof Command.Pay && !route.paid()) {
                    routes.put(reservationId, route.withPaid());
                }
                toSeat(route.seatId(), command, record.timestamp());
            }
            return;
        }
        hold(command, record.timestamp());
    }

    private void created(Command.Create create, long timestamp) {
        String reservationId = create.reservationId();
        PendingCommands waiting = pending.get(reservationId);
        List<String> resolved = waiting == null ? List.of() : waiting.resolvedOrphans();
        Instant expiresAt = create.event().expiresAt();
        boolean paid = waiting != null && waiting.held().stream().anyMatch(h -> h.command() instanceof Command.Pay);
        // The arbiter's decision is final by expiresAt + grace (or now, for a reservation that arrives
        // late); the route is no longer needed a retention period after that.
        long finalAt = Math.max(context.currentSystemTimeMs(), expiresAt.plus(config.expiryGrace()).toEpochMilli());
        routes.put(reservationId,
                new Route(create.event().seatId(), create.event().eventId(), expiresAt, resolved, paid, finalAt));
        toSeat(create.event().seatId(), create, timestamp);
        if (waiting != null) {
            for (PendingCommands.Held held : waiting.held()) {
                toSeat(create.event().seatId(), held.command(), held.timestamp());
            }
            // Its orphan timer, if any, finds nothing pending when it fires.
            pending.delete(reservationId);
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
            // Any other kind was written by an earlier version (retention timers, now a sweep): taken, done.
        }
    }

    /** Retention (CONTRACT §4): unpaid routes and resolved orphans go a retention period after they are final. */
    private void sweep(long now) {
        long retention = config.retention().toMillis();
        routeSweep.next((reservationId, route) -> {
            // A paid reservation's route stays, like its SOLD seat: see Route#paid.
            if (!route.paid() && now >= finalAt(route) + retention) {
                routes.delete(reservationId);
            }
        });
        pendingSweep.next((reservationId, waiting) -> {
            if (waiting.held().isEmpty() && now >= waiting.resolvedAtMillis() + retention) {
                pending.delete(reservationId);
            }
        });
    }

    private long finalAt(Route route) {
        return route.finalAtMillis() > 0 ? route.finalAtMillis()
                : route.expiresAt().plus(config.expiryGrace()).toEpochMilli();
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
        RefundRequested refund = new RefundRequested(TicketingEvent.CURRENT_SCHEMA_VERSION, p.paymentId(),
                p.orderId(), p.customerId(), p.reservationId(), p.amount(), p.currency(),
                RefundRequested.Reason.UNKNOWN_RESERVATION.wireName(), at, RefundRequested.STATUS);
        context.forward(new Record<>(p.orderId(), new Output.Refund(refund), now));
        order(Views.order(p, OrderStatus.REFUND_REQUIRED, null, at), now);
    }

    private void toSeat(String seatId, Command command, long timestamp) {
        context.forward(new Record<>(seatId, new Output.ToSeat(command), timestamp));
    }

    private void order(OrderView update, long timestamp) {
        context.forward(new Record<>(update.orderId(), new Output.Order(update), timestamp));
    }
}
