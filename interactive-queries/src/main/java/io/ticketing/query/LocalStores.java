package io.ticketing.query;

import java.util.OptionalLong;

/** This instance's own state stores, read-only. Never forwards anywhere. */
public interface LocalStores {

    /**
     * Reads one key, from the up-to-date active replica of {@code partition} when this instance has
     * one, else from a standby or restoring replica (marked stale).
     *
     * @param partition the key's partition, or {@link KeyLocation#UNKNOWN_PARTITION} to look in every
     *                  local replica
     */
    LocalRead read(String store, String key, int partition);

    /** The seats of one show held by this instance's active partitions, each partition's list sorted by seatId. */
    ShowPart.Seats showSeats(String eventId, SeatFilter filter);

    /** The partial counts of one show held by this instance's active partitions. */
    ShowPart.Counts showCounts(String eventId);

    /** The partial counts of every show held by this instance's active partitions, keyed {@code eventId|section|status}. */
    ShowPart.Counts allShowCounts();

    /** Whether every query store can be opened now. */
    boolean queryable();

    /** Approximate number of entries in this instance's active replicas of {@code store}. */
    OptionalLong approximateEntries(String store);
}
