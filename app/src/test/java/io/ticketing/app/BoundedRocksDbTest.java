package io.ticketing.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/** Every store of a process ends up under one cache of the configured size, and closing a store keeps it. */
class BoundedRocksDbTest {

    private static final long MB = 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void aStoreOpensWithTheSharedCacheOfTheConfiguredCapacity() throws RocksDBException {
        Options options = kafkaLikeOptions();
        new BoundedRocksDb().setConfig("reservations", options, Map.of(BoundedRocksDb.MEMORY_BYTES_CONFIG, "24117248"));

        try (RocksDB db = RocksDB.open(options, dir.resolve("reservations").toString())) {
            db.put("r-1".getBytes(), "{}".getBytes());
            assertThat(db.getLongProperty("rocksdb.block-cache-capacity")).isEqualTo(23 * MB);
            assertThat(db.get("r-1".getBytes())).isEqualTo("{}".getBytes());
        }
        assertThat(((BlockBasedTableConfig) options.tableFormatConfig()).cacheIndexAndFilterBlocks()).isTrue();
        assertThat(options.writeBufferManager()).isSameAs(BoundedRocksDb.shared(23 * MB).writeBuffers());
        assertThat(options.arenaBlockSize()).isEqualTo(BoundedRocksDb.ARENA_BLOCK_BYTES);
        assertThat(options.writeBufferSize()).isEqualTo(23 * MB / 2 / 8);
        assertThat(options.manifestPreallocationSize()).isEqualTo(BoundedRocksDb.MANIFEST_PREALLOCATION_BYTES);
    }

    @Test
    void twoStoresShareOneCacheAndOneWriteBufferManagerThatOutliveAClosedStore() throws RocksDBException {
        Map<String, Object> configs = Map.of(BoundedRocksDb.MEMORY_BYTES_CONFIG, 17 * MB);
        BoundedRocksDb seatsSetter = new BoundedRocksDb();
        BoundedRocksDb ordersSetter = new BoundedRocksDb();
        Options seats = kafkaLikeOptions();
        Options orders = kafkaLikeOptions();
        seatsSetter.setConfig("seats", seats, configs);
        ordersSetter.setConfig("orders", orders, configs);

        assertThat(seats.writeBufferManager()).isSameAs(orders.writeBufferManager());
        try (RocksDB first = RocksDB.open(seats, dir.resolve("seats").toString())) {
            first.put("s-1".getBytes(), "{}".getBytes());
        }
        seatsSetter.close("seats", seats);
        seats.close();

        // The shared objects are still usable by the other store (closing them would crash it natively).
        try (RocksDB second = RocksDB.open(orders, dir.resolve("orders").toString())) {
            second.put("o-1".getBytes(), "{}".getBytes());
            assertThat(second.getLongProperty("rocksdb.block-cache-capacity")).isEqualTo(17 * MB);
        }
        assertThat(BoundedRocksDb.shared(17 * MB).cache().isOwningHandle()).isTrue();
    }

    @Test
    void withoutTheSettingTheBudgetIs64Mb() {
        assertThat(BoundedRocksDb.memoryBytes(Map.of())).isEqualTo(64 * MB);
    }

    @Test
    void oneStoresMemtableIsAnEighthOfTheMemtableBudgetWithinKafkasDefaults() {
        assertThat(BoundedRocksDb.writeBufferBytes(64 * MB)).isEqualTo(4 * MB);
        assertThat(BoundedRocksDb.writeBufferBytes(8 * MB)).isEqualTo(1 * MB);
        assertThat(BoundedRocksDb.writeBufferBytes(4096 * MB)).isEqualTo(16 * MB);
    }

    @Test
    void theAppWiresTheSetterWithTheBudgetFromItsSetting() {
        Map<String, String> values = new HashMap<>(BrokerFixture.clusterSettings("localhost:9092"));
        values.put(AppSettings.ROCKSDB_MEMORY_MB, "96");
        AppSettings settings = AppSettings.from(values);

        Properties props = StreamsProperties.of(settings, "localhost:9092",
                io.ticketing.topology.TicketingConfig.defaults(BrokerFixture.SECRET));

        assertThat(props.get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG)).isEqualTo(BoundedRocksDb.class.getName());
        assertThat(BoundedRocksDb.memoryBytes(new HashMap<>(Map.of(BoundedRocksDb.MEMORY_BYTES_CONFIG,
                props.get(BoundedRocksDb.MEMORY_BYTES_CONFIG))))).isEqualTo(96 * MB);
    }

    @Test
    void aBudgetTooSmallOrNotANumberIsRefusedNamingTheSetting() {
        Map<String, String> base = BrokerFixture.clusterSettings("localhost:9092");
        Map<String, String> tiny = new HashMap<>(base);
        tiny.put(AppSettings.ROCKSDB_MEMORY_MB, "2");
        Map<String, String> words = new HashMap<>(base);
        words.put(AppSettings.ROCKSDB_MEMORY_MB, "lots");

        assertThatThrownBy(() -> AppSettings.from(tiny)).isInstanceOf(BadSettingException.class)
                .hasMessageContaining(AppSettings.ROCKSDB_MEMORY_MB).hasMessageContaining("out of range");
        assertThatThrownBy(() -> AppSettings.from(words)).isInstanceOf(BadSettingException.class)
                .hasMessageContaining(AppSettings.ROCKSDB_MEMORY_MB).hasMessageContaining("not a whole number");
        assertThat(AppSettings.from(base).rocksDbMemoryMb()).isEqualTo(64);
    }

    /** What Kafka's RocksDBStore hands a config setter: options with a block-based table config set. */
    private static Options kafkaLikeOptions() {
        RocksDB.loadLibrary();
        Options options = new Options().setCreateIfMissing(true);
        options.setTableFormatConfig(new BlockBasedTableConfig());
        return options;
    }
}
