package io.ticketing.topology.internal;

import io.ticketing.serdes.JsonSerde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** Every store is persistent (RocksDB, changelogged), String-keyed, JSON-valued, and explicitly named. */
public final class StateStores {

    private StateStores() {
    }

    public static <V> StoreBuilder<KeyValueStore<String, V>> persistent(String name, Class<V> valueType) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(),
                JsonSerde.internal(valueType));
    }
}
