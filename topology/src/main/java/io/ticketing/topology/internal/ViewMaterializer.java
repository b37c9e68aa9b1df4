package io.ticketing.topology.internal;

import io.ticketing.events.TicketIssued;
import io.ticketing.topology.StoreNames;
import io.ticketing.topology.TicketingConfig;
import io.ticketing.topology.view.CustomerTickets;
import io.ticketing.topology.view.OrderStatus;
import io.ticketing.topology.view.OrderView;
import io.ticketing.topology.view.ReservationView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Writes view updates into the query stores, each keyed by what it is queried by. Reservation views
 * are written as decided (they come from one task, in order); order views are folded commutatively
 * (see {@link Views#foldOrder}); tickets are kept; terminal reservations and orders are purged a
 * retention period after their last change. Tells the {@link io.ticketing.topology.ViewListener}.
 */
public final class ViewMaterializer implements Processor<String, ViewUpdate, Void, Void> {

    static final String PURGE_RESERVATION = "purge-reservation";
    static final String PURGE_ORDER = "purge-order";
    private static final int MAX_TIMERS_PER_TICK = 10_000;
    private static final Comparator<TicketIssued> OLDEST_FIRST =
            Comparator.comparing(TicketIssued::issuedAt).thenComparing(TicketIssued::ticketId);

    private final TicketingConfig config;
    private ProcessorContext<Void, Void> context;
    private KeyValueStore<String, ReservationView> reservations;
    private KeyValueStore<String, OrderView> orders;
    private KeyValueStore<String, TicketIssued> tickets;
    private KeyValueStore<String, String> ticketNumbers;
    private KeyValueStore<String, CustomerTickets> customerTickets;
    private TimerIndex timers;

    public ViewMaterializer(TicketingConfig config) {
        this.config = config;
    }

    public static ProcessorSupplier<String, ViewUpdate, Void, Void> supplier(TicketingConfig config) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, ViewUpdate, Void, Void> get() {
                return new ViewMaterializer(config);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(
                        StateStores.persistent(StoreNames.RESERVATIONS, ReservationView.class),
                        StateStores.persistent(StoreNames.ORDERS, OrderView.class),
                        StateStores.persistent(StoreNames.TICKETS, TicketIssued.class),
                        StateStores.persistent(StoreNames.TICKETS_BY_NUMBER, String.class),
                        StateStores.persistent(StoreNames.CUSTOMER_TICKETS, CustomerTickets.class),
                        StateStores.persistent(StoreNames.VIEW_TIMERS, String.class));
            }
        };
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.reservations = context.getStateStore(StoreNames.RESERVATIONS);
        this.orders = context.getStateStore(StoreNames.ORDERS);
        this.tickets = context.getStateStore(StoreNames.TICKETS);
        this.ticketNumbers = context.getStateStore(StoreNames.TICKETS_BY_NUMBER);
        this.customerTickets = context.getStateStore(StoreNames.CUSTOMER_TICKETS);
        this.timers = new TimerIndex(context.getStateStore(StoreNames.VIEW_TIMERS));
        context.schedule(config.punctuateInterval(), PunctuationType.WALL_CLOCK_TIME, this::fireTimers);
    }

    @Override
    public void process(Record<String, ViewUpdate> record) {
        ViewUpdate update = record.value();
        if (update instanceof ViewUpdate.ReservationChanged r) {
            reservation(r.view());
        } else if (update instanceof ViewUpdate.OrderChanged o) {
            order(o.view());
        } else if (update instanceof ViewUpdate.TicketChanged t) {
            tickets.put(t.ticket().ticketId(), t.ticket());
        } else if (update instanceof ViewUpdate.TicketNumbered n) {
            ticketNumbers.put(n.ticketNumber(), n.ticketId());
        } else if (update instanceof ViewUpdate.CustomerTicket c) {
            customerTicket(c.ticket());
        }
    }

    private void reservation(ReservationView view) {
        reservations.put(view.reservationId(), view);
        if (view.status().isTerminal()) {
            timers.schedule(PURGE_RESERVATION, view.reservationId(), purgeAt(), version(view.status(), view.updatedAt()));
        }
        config.listener().reservationChanged(view);
    }

    private void order(OrderView update) {
        OrderView merged = Views.foldOrder(orders.get(update.orderId()), update);
        orders.put(merged.orderId(), merged);
        // A PENDING order resolves when its reservation or its orphan timeout comes; if neither
        // ever reaches this view, it still goes a retention period after its last change.
        timers.schedule(PURGE_ORDER, merged.orderId(),
                merged.status() == OrderStatus.PENDING ? purgeAt() + config.orphanTimeout().toMillis() : purgeAt(),
                version(merged.status(), merged.updatedAt()));
        config.listener().orderChanged(merged);
    }

    private void customerTicket(TicketIssued ticket) {
        CustomerTickets current = customerTickets.get(ticket.customerId());
        List<TicketIssued> list = new ArrayList<>(current == null ? List.of() : current.tickets());
        if (list.stream().anyMatch(t -> t.ticketId().equals(ticket.ticketId()))) {
            return;
        }
        list.add(ticket);
        list.sort(OLDEST_FIRST);
        customerTickets.put(ticket.customerId(), new CustomerTickets(ticket.customerId(), list));
    }

    private long purgeAt() {
        return context.currentSystemTimeMs() + config.retention().toMillis();
    }

    /**
     * What a purge timer remembers of the view it was set for. Timers are never cancelled
     * ({@link TimerIndex}): when one fires, the view is purged only if it is still that version, so a
     * view changed since is kept until the timer of its last change. Two changes with the same status
     * and updatedAt (an out-of-order order update that changes nothing) count as one: the view then
     * goes a retention period after the first of them.
     */
    private static String version(Enum<?> status, Instant updatedAt) {
        return status.name() + "@" + (updatedAt == null ? "" : updatedAt.toEpochMilli());
    }

    private void fireTimers(long now) {
        for (TimerIndex.Due due : timers.takeDue(now, MAX_TIMERS_PER_TICK)) {
            switch (due.kind()) {
                case PURGE_RESERVATION -> {
                    ReservationView view = reservations.get(due.id());
                    if (view != null && view.status().isTerminal() && due.isFor(version(view.status(), view.updatedAt()))) {
                        reservations.delete(due.id());
                    }
                }
                case PURGE_ORDER -> {
                    OrderView view = orders.get(due.id());
                    if (view != null && due.isFor(version(view.status(), view.updatedAt()))) {
                        orders.delete(due.id());
                    }
                }
                default -> throw new IllegalStateException("unknown view timer kind " + due.kind());
            }
        }
    }
}
