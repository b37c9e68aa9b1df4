package io.ticketing.topology.internal;

import io.ticketing.serdes.JsonSerde;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;

/** The kinds of store the topology uses; every one String-keyed and explicitly named. */
public final class StateStores {

    private StateStores() {
    }

    /** RocksDB, changelogged, JSON values in the internal dialect: the state the processors decide on. */
    public static <V> StoreBuilder<KeyValueStore<String, V>> persistent(String name, Class<V> valueType) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(),
                JsonSerde.internal(valueType));
    }

    /**
     * Like {@link #persistent}, with a timestamp per entry (the wall-clock time of its last change, which
     * retention counts from).
     */
    public static <V> StoreBuilder<TimestampedKeyValueStore<String, V>> timestamped(String name, Class<V> valueType) {
        return Stores.timestampedKeyValueStoreBuilder(Stores.persistentTimestampedKeyValueStore(name),
                Serdes.String(), JsonSerde.internal(valueType));
    }

    /**
     * RocksDB without a changelog of its own: the store of a read-only view, whose changelog is the
     * topic it is read from (Topology#addReadOnlyStateStore).
     */
    public static <V> StoreBuilder<KeyValueStore<String, V>> view(String name, Class<V> valueType) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(),
                JsonSerde.internal(valueType)).withLoggingDisabled();
    }

    /**
     * In memory, not changelogged: state derived from another store of the same task, rebuilt from it
     * when the task starts (so it is never out of step with it, even after a crash or an aborted
     * transaction, when the task starts again).
     */
    public static <V> StoreBuilder<KeyValueStore<String, V>> derived(String name, Serde<V> valueSerde) {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), valueSerde)
                .withLoggingDisabled();
    }
}
