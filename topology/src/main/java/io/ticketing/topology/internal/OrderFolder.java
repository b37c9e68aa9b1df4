package io.ticketing.topology.internal;

import io.ticketing.topology.StoreNames;
import io.ticketing.topology.TicketingConfig;
import io.ticketing.topology.view.OrderStatus;
import io.ticketing.topology.view.OrderView;
import java.util.Set;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Keyed by orderId: folds the order updates of the router (PENDING, orphan outcomes) and of the
 * arbiter (decisions) into the order view. They come from two sub-topologies in no guaranteed order,
 * so the fold is commutative ({@link Views#foldOrder}). The store's timestamp is the wall-clock time of
 * the view's last change: an order goes a retention period after it (PENDING: plus the orphan timeout,
 * by which it is resolved), found by a sweep. Tells the {@link io.ticketing.topology.ViewListener}.
 */
public final class OrderFolder implements Processor<String, OrderView, Void, Void> {

    private final TicketingConfig config;
    private TimestampedKeyValueStore<String, OrderView> orders;
    private StoreSweep<ValueAndTimestamp<OrderView>> retention;
    private ProcessorContext<Void, Void> context;

    public OrderFolder(TicketingConfig config) {
        this.config = config;
    }

    public static ProcessorSupplier<String, OrderView, Void, Void> supplier(TicketingConfig config) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, OrderView, Void, Void> get() {
                return new OrderFolder(config);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(StateStores.timestamped(StoreNames.ORDERS, OrderView.class));
            }
        };
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.orders = context.getStateStore(StoreNames.ORDERS);
        this.retention = new StoreSweep<>(orders);
        context.schedule(config.punctuateInterval(), PunctuationType.WALL_CLOCK_TIME, this::sweep);
    }

    @Override
    public void process(Record<String, OrderView> record) {
        OrderView update = record.value();
        ValueAndTimestamp<OrderView> current = orders.get(update.orderId());
        OrderView merged = Views.foldOrder(current == null ? null : current.value(), update);
        if (current != null && merged.equals(current.value())) {
            return; // an out-of-order update that changes nothing: nor does its retention restart
        }
        orders.put(merged.orderId(), ValueAndTimestamp.make(merged, context.currentSystemTimeMs()));
        config.listener().orderChanged(merged);
    }

    private void sweep(long now) {
        long retentionMillis = config.retention().toMillis();
        retention.next((orderId, entry) -> {
            // A PENDING order resolves when its reservation or its orphan timeout comes; if neither ever
            // reaches this view, it still goes, later.
            long keep = entry.value().status() == OrderStatus.PENDING
                    ? retentionMillis + config.orphanTimeout().toMillis() : retentionMillis;
            if (now >= entry.timestamp() + keep) {
                orders.delete(orderId);
            }
        });
    }
}
