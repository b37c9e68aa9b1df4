package io.ticketing.app;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Puts every RocksDB store of this process under one memory budget: one LRU block cache shared by all
 * stores (data, index and filter blocks), and one write buffer manager that charges every memtable to
 * that same cache. Without it each of the ~80 RocksDB instances (14 stores x 6 partitions, more with
 * standbys) gets its own 50 MB cache and up to 3 x 16 MB of memtables, so off-heap memory grows with
 * the number of partitions, not with the data. This is the "bounded memory usage" pattern of Kafka
 * Streams' memory management docs.
 *
 * <p>Kafka creates one setter per store from its class name, so the shared objects are static: one
 * pair per budget, created on first use and kept for the life of the process. {@link #close} must
 * therefore not close them (another store still uses them).
 */
public final class BoundedRocksDb implements RocksDBConfigSetter {

    /** Streams property: the budget in bytes for block cache plus memtables of the whole process. */
    public static final String MEMORY_BYTES_CONFIG = "ticketing.rocksdb.memory.bytes";

    /** Used when the property is absent (e.g. a test topology without the app's settings). */
    static final long DEFAULT_MEMORY_BYTES = 64L * 1024 * 1024;

    /** Share of the cache reserved for index and filter blocks, so data blocks cannot evict them. */
    private static final double INDEX_FILTER_RATIO = 0.1;

    /** Memtables may take up to half the budget before the write buffer manager forces a flush. */
    private static final double MEMTABLE_RATIO = 0.5;

    /**
     * Memtable memory is allocated in arena blocks (by default an eighth of the write buffer, up to
     * 1 MB) and every store with one unflushed write holds at least one. With ~80-170 stores under a
     * budget of tens of MB, 1 MB blocks alone exceed it, and the write buffer manager then flushes a
     * store on nearly every write (measured: the stream thread spent its time in RocksDB put/delete
     * writing thousands of tiny SST files). Small blocks keep an idle store's share negligible.
     */
    static final long ARENA_BLOCK_BYTES = 64 * 1024;

    static final long MANIFEST_PREALLOCATION_BYTES = 64 * 1024;

    private static final long MIN_WRITE_BUFFER_BYTES = 1024 * 1024;
    private static final long MAX_WRITE_BUFFER_BYTES = 16 * 1024 * 1024;

    private static final ConcurrentMap<Long, Shared> BUDGETS = new ConcurrentHashMap<>();

    /** The cache and the write buffer manager every store with one budget shares. */
    record Shared(Cache cache, WriteBufferManager writeBuffers) {

        static Shared of(long bytes) {
            // strictCapacityLimit=false: a read or write never fails for lack of cache, it overshoots briefly.
            Cache cache = new LRUCache(bytes, -1, false, INDEX_FILTER_RATIO);
            return new Shared(cache, new WriteBufferManager((long) (bytes * MEMTABLE_RATIO), cache));
        }
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        long budget = memoryBytes(configs);
        Shared shared = shared(budget);
        // Kafka hands over its own block-based table config (which its metrics read the cache from); keep it.
        BlockBasedTableConfig table = options.tableFormatConfig() instanceof BlockBasedTableConfig given
                ? given : new BlockBasedTableConfig();
        table.setBlockCache(shared.cache());
        // Index and filter blocks live in the cache too (else they sit outside the budget, unbounded),
        // with high priority and the top level pinned so lookups do not thrash on them.
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(shared.writeBuffers());
        options.setArenaBlockSize(ARENA_BLOCK_BYTES);
        // One store's memtable may take an eighth of the memtable budget (Kafka's 16 MB default at most).
        options.setWriteBufferSize(writeBufferBytes(budget));
        // RocksDB preallocates 4 MB per MANIFEST: 84 stores held 340 MB of disk for 6,000 records.
        options.setManifestPreallocationSize(MANIFEST_PREALLOCATION_BYTES);
    }

    static long writeBufferBytes(long budget) {
        long share = (long) (budget * MEMTABLE_RATIO) / 8;
        return Math.max(MIN_WRITE_BUFFER_BYTES, Math.min(MAX_WRITE_BUFFER_BYTES, share));
    }

    @Override
    public void close(String storeName, Options options) {
        // Nothing: the cache and write buffer manager are shared by every store of the process.
    }

    static Shared shared(long bytes) {
        return BUDGETS.computeIfAbsent(bytes, Shared::of);
    }

    static long memoryBytes(Map<String, Object> configs) {
        Object value = configs.get(MEMORY_BYTES_CONFIG);
        if (value == null) {
            return DEFAULT_MEMORY_BYTES;
        }
        return value instanceof Number n ? n.longValue() : Long.parseLong(value.toString().trim());
    }
}
