package io.ticketing.query;

import io.ticketing.events.TicketIssued;
import io.ticketing.topology.CustomerTicketKeys;
import io.ticketing.topology.StoreNames;
import io.ticketing.topology.view.CustomerTickets;
import io.ticketing.topology.view.SeatView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.LagInfo;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** {@link LocalStores} over the streams client's interactive queries. */
final class StreamsLocalStores implements LocalStores, AutoCloseable {

    /** Every key-value view the HTTP layer reads. */
    static final List<String> QUERY_STORES = List.of(StoreNames.RESERVATIONS, StoreNames.SEATS,
            StoreNames.SHOW_SEATS, StoreNames.SHOW_SUMMARY, StoreNames.ORDERS, StoreNames.TICKETS,
            StoreNames.CUSTOMER_TICKETS);

    private static final Comparator<TicketIssued> OLDEST_FIRST =
            Comparator.comparing(TicketIssued::issuedAt).thenComparing(TicketIssued::ticketId);

    /** Lags are fetched from the brokers; refreshing them at most this often keeps reads cheap. */
    private static final long LAG_REFRESH_MILLIS = 2_000;

    private final KafkaStreams streams;
    private final AtomicReference<Map<String, Map<Integer, LagInfo>>> lags = new AtomicReference<>(Map.of());
    private final AtomicLong lagsFetchedAt = new AtomicLong();
    private final AtomicBoolean lagRefreshRunning = new AtomicBoolean();
    private final ExecutorService lagRefresher = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "query-lag-refresher");
        thread.setDaemon(true);
        return thread;
    });

    StreamsLocalStores(KafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    public LocalRead read(String store, String key, int partition) {
        if (partition == KeyLocation.UNKNOWN_PARTITION) {
            // Without a partition we cannot tell which replica is authoritative: whatever is found is stale.
            try {
                Object value = get(open(store, anyPartition(store).enableStaleStores()), store, key);
                return value != null ? LocalRead.staleFound(value, null) : LocalRead.staleNotFound(null);
            } catch (InvalidStateStoreException none) {
                return LocalRead.unavailable();
            }
        }
        try {
            Object value = get(open(store, activeOnly(store, partition)), store, key);
            return value != null ? LocalRead.found(value) : LocalRead.notFound();
        } catch (InvalidStateStoreException notActiveHere) {
            // Fall through: maybe a standby (or a restoring active) replica of it is here.
        }
        try {
            Object value = get(open(store, activeOnly(store, partition).enableStaleStores()), store, key);
            Long lag = lagOf(store, partition);
            return value != null ? LocalRead.staleFound(value, lag) : LocalRead.staleNotFound(lag);
        } catch (InvalidStateStoreException noReplicaHere) {
            return LocalRead.unavailable();
        }
    }

    /**
     * One key's value as the HTTP layer shows it. A customer's tickets are one entry per ticket
     * ({@link CustomerTicketKeys}), gathered from the customer's prefix, oldest first; null when none.
     */
    private static Object get(ReadOnlyKeyValueStore<String, Object> replica, String store, String key) {
        if (!StoreNames.CUSTOMER_TICKETS.equals(store)) {
            return replica.get(key);
        }
        List<TicketIssued> tickets = new ArrayList<>();
        String prefix = CustomerTicketKeys.prefix(key);
        try (KeyValueIterator<String, Object> it = replica.prefixScan(prefix, new StringSerializer())) {
            it.forEachRemaining(entry -> tickets.add((TicketIssued) entry.value));
        }
        if (tickets.isEmpty()) {
            return null;
        }
        tickets.sort(OLDEST_FIRST);
        return new CustomerTickets(key, tickets);
    }

    @Override
    public ShowPart.Seats showSeats(String eventId, SeatFilter filter) {
        Map<Integer, List<SeatView>> partitions = new HashMap<>();
        Set<Integer> unavailable = new HashSet<>();
        for (int partition : activePartitions()) {
            try {
                List<SeatView> seats = new ArrayList<>();
                // Start at the cursor rather than the first seat: a page costs its own size, not its offset.
                String from = filter.after() == null ? StoreNames.showPrefix(eventId)
                        : StoreNames.showSeatKey(eventId, filter.after());
                ReadOnlyKeyValueStore<String, Object> seatsHere = open(StoreNames.SEATS, activeOnly(StoreNames.SEATS, partition));
                try (KeyValueIterator<String, Object> it = showRange(StoreNames.SHOW_SEATS, partition, from, eventId)) {
                    // Keys sort by seatId within a show, so the first `limit` matches are the page. The
                    // index holds the seatIds; the seats are in the same partition's seat store.
                    while (it.hasNext() && seats.size() < filter.limit()) {
                        Object value = seatsHere.get(String.valueOf(it.next().value));
                        if (value instanceof SeatView seat && filter.accepts(seat)) {
                            seats.add(seat);
                        }
                    }
                }
                partitions.put(partition, seats);
            } catch (InvalidStateStoreException e) {
                if (hasReplica(StoreNames.SHOW_SEATS, partition)) {
                    unavailable.add(partition);
                }
            }
        }
        return new ShowPart.Seats(partitions, unavailable);
    }

    @Override
    public ShowPart.Counts showCounts(String eventId) {
        Map<Integer, Map<String, Long>> partitions = new HashMap<>();
        Set<Integer> unavailable = new HashSet<>();
        String prefix = StoreNames.showPrefix(eventId);
        for (int partition : activePartitions()) {
            try {
                Map<String, Long> counts = new HashMap<>();
                try (KeyValueIterator<String, Object> it = showRange(StoreNames.SHOW_SUMMARY, partition, prefix, eventId)) {
                    while (it.hasNext()) {
                        KeyValue<String, Object> entry = it.next();
                        if (entry.value instanceof Number count && entry.key.startsWith(prefix)) {
                            counts.put(entry.key.substring(prefix.length()), count.longValue());
                        }
                    }
                }
                partitions.put(partition, counts);
            } catch (InvalidStateStoreException e) {
                if (hasReplica(StoreNames.SHOW_SUMMARY, partition)) {
                    unavailable.add(partition);
                }
            }
        }
        return new ShowPart.Counts(partitions, unavailable);
    }

    @Override
    public ShowPart.Counts allShowCounts() {
        Map<Integer, Map<String, Long>> partitions = new HashMap<>();
        Set<Integer> unavailable = new HashSet<>();
        for (int partition : activePartitions()) {
            try {
                Map<String, Long> counts = new HashMap<>();
                try (KeyValueIterator<String, Object> it = open(StoreNames.SHOW_SUMMARY,
                        activeOnly(StoreNames.SHOW_SUMMARY, partition)).all()) {
                    it.forEachRemaining(entry -> {
                        if (entry.value instanceof Number count) {
                            counts.put(entry.key, count.longValue());
                        }
                    });
                }
                partitions.put(partition, counts);
            } catch (InvalidStateStoreException e) {
                if (hasReplica(StoreNames.SHOW_SUMMARY, partition)) {
                    unavailable.add(partition);
                }
            }
        }
        return new ShowPart.Counts(partitions, unavailable);
    }

    @Override
    public boolean queryable() {
        try {
            for (String store : QUERY_STORES) {
                open(store, anyPartition(store));
            }
            return true;
        } catch (StreamsException | IllegalStateException notYet) {
            return false;
        }
    }

    @Override
    public OptionalLong approximateEntries(String store) {
        try {
            return OptionalLong.of(open(store, anyPartition(store)).approximateNumEntries());
        } catch (StreamsException | IllegalStateException notNow) {
            return OptionalLong.empty();
        }
    }

    @Override
    public void close() {
        lagRefresher.shutdownNow();
    }

    /**
     * Entries of one show from {@code from} on: keys {@code eventId|...} sort before {@code eventId}}
     * ('}' follows '|', and no id contains either).
     */
    private KeyValueIterator<String, Object> showRange(String store, int partition, String from, String eventId) {
        return open(store, activeOnly(store, partition)).range(from, eventId + "}");
    }

    private boolean hasReplica(String store, int partition) {
        try {
            open(store, activeOnly(store, partition).enableStaleStores()).approximateNumEntries();
            return true;
        } catch (InvalidStateStoreException none) {
            return false;
        }
    }

    private Set<Integer> activePartitions() {
        Set<Integer> partitions = new HashSet<>();
        for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
            for (TaskMetadata task : thread.activeTasks()) {
                partitions.add(task.taskId().partition());
            }
        }
        return partitions;
    }

    private static StoreQueryParameters<ReadOnlyKeyValueStore<String, Object>> activeOnly(String store, int partition) {
        return anyPartition(store).withPartition(partition);
    }

    private static StoreQueryParameters<ReadOnlyKeyValueStore<String, Object>> anyPartition(String store) {
        return StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.<String, Object>keyValueStore());
    }

    private ReadOnlyKeyValueStore<String, Object> open(String store,
                                                       StoreQueryParameters<ReadOnlyKeyValueStore<String, Object>> params) {
        return streams.store(params);
    }

    /** The last known lag of a local replica; refreshed in the background, never on the request thread. */
    private Long lagOf(String store, int partition) {
        long now = System.currentTimeMillis();
        if (now - lagsFetchedAt.get() > LAG_REFRESH_MILLIS && lagRefreshRunning.compareAndSet(false, true)) {
            lagRefresher.execute(() -> {
                try {
                    lags.set(streams.allLocalStorePartitionLags());
                    lagsFetchedAt.set(System.currentTimeMillis());
                } catch (RuntimeException unknownForNow) {
                    // Lag stays unknown; the answer is still marked stale.
                } finally {
                    lagRefreshRunning.set(false);
                }
            });
        }
        LagInfo lag = lags.get().getOrDefault(store, Map.of()).get(partition);
        return lag == null ? null : lag.offsetLag();
    }
}
