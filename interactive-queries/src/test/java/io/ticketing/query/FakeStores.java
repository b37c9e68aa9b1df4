package io.ticketing.query;

import io.ticketing.topology.view.SeatView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** Stores in memory: per store either an up-to-date active replica, a lagging standby, or nothing. */
final class FakeStores implements LocalStores {

    static final long STANDBY_LAG = 7;

    final Map<String, Map<String, Object>> active = new ConcurrentHashMap<>();
    final Map<String, Map<String, Object>> standby = new ConcurrentHashMap<>();
    final Map<Integer, List<SeatView>> seatPartitions = new ConcurrentHashMap<>();
    final Map<Integer, Map<String, Long>> countPartitions = new ConcurrentHashMap<>();
    /** For {@link #allShowCounts()}: partition → ({@code eventId|section|status} → count). */
    final Map<Integer, Map<String, Long>> allCountPartitions = new ConcurrentHashMap<>();
    final Set<Integer> unavailablePartitions = ConcurrentHashMap.newKeySet();
    final AtomicInteger reads = new AtomicInteger();
    /** The partition of the latest read. */
    volatile int lastPartition = Integer.MIN_VALUE;
    volatile RuntimeException failure;

    FakeStores activeStore(String store) {
        active.computeIfAbsent(store, s -> new ConcurrentHashMap<>());
        return this;
    }

    FakeStores put(String store, String key, Object value) {
        active.computeIfAbsent(store, s -> new ConcurrentHashMap<>()).put(key, value);
        return this;
    }

    FakeStores putStandby(String store, String key, Object value) {
        standby.computeIfAbsent(store, s -> new ConcurrentHashMap<>()).put(key, value);
        return this;
    }

    @Override
    public LocalRead read(String store, String key, int partition) {
        reads.incrementAndGet();
        lastPartition = partition;
        if (failure != null) {
            throw failure;
        }
        Map<String, Object> activeReplica = active.get(store);
        if (activeReplica != null && partition != KeyLocation.UNKNOWN_PARTITION) {
            Object value = activeReplica.get(key);
            return value != null ? LocalRead.found(value) : LocalRead.notFound();
        }
        Map<String, Object> standbyReplica = standby.get(store);
        if (standbyReplica != null) {
            Object value = standbyReplica.get(key);
            return value != null ? LocalRead.staleFound(value, STANDBY_LAG) : LocalRead.staleNotFound(STANDBY_LAG);
        }
        return LocalRead.unavailable();
    }

    @Override
    public ShowPart.Seats showSeats(String eventId, SeatFilter filter) {
        Map<Integer, List<SeatView>> partitions = new HashMap<>();
        seatPartitions.forEach((partition, seats) -> partitions.put(partition, seats.stream()
                .filter(seat -> seat.eventId().equals(eventId))
                .filter(filter::accepts)
                .sorted(java.util.Comparator.comparing(SeatView::seatId))
                .limit(filter.limit())
                .collect(Collectors.toList())));
        return new ShowPart.Seats(partitions, unavailablePartitions);
    }

    @Override
    public ShowPart.Counts showCounts(String eventId) {
        return new ShowPart.Counts(countPartitions, unavailablePartitions);
    }

    @Override
    public ShowPart.Counts allShowCounts() {
        return new ShowPart.Counts(allCountPartitions, unavailablePartitions);
    }

    @Override
    public boolean queryable() {
        return true;
    }

    @Override
    public OptionalLong approximateEntries(String store) {
        Map<String, Object> replica = active.get(store);
        return replica == null ? OptionalLong.empty() : OptionalLong.of(replica.size());
    }
}
