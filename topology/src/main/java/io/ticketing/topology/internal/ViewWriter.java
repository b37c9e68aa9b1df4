package io.ticketing.topology.internal;

import java.util.function.Consumer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps a read-only view store equal to its topic: the latest value per key, a null value deleting the
 * key. The topic is the store's changelog (Topology#addReadOnlyStateStore), so this is the only
 * writer and the store costs no write of its own. Tells {@code changed} of each new value.
 */
public final class ViewWriter<V> implements Processor<String, V, Void, Void> {

    private final String store;
    private final Consumer<V> changed;
    private KeyValueStore<String, V> views;

    private ViewWriter(String store, Consumer<V> changed) {
        this.store = store;
        this.changed = changed;
    }

    public static <V> ProcessorSupplier<String, V, Void, Void> supplier(String store, Consumer<V> changed) {
        return () -> new ViewWriter<>(store, changed);
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.views = context.getStateStore(store);
    }

    @Override
    public void process(Record<String, V> record) {
        if (record.key() == null) {
            return; // never written by this app; nothing to key it by
        }
        if (record.value() == null) {
            views.delete(record.key());
            return;
        }
        views.put(record.key(), record.value());
        changed.accept(record.value());
    }
}
