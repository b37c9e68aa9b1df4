package io.ticketing.query;

import io.ticketing.topology.view.SeatView;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One instance's share of a show-wide query: what each of its active partitions holds, and which of
 * its active partitions could not be read (restoring). Sent between instances as JSON.
 */
public final class ShowPart {

    private ShowPart() {
    }

    /** @param partitions partition → that partition's matching seats, sorted by seatId */
    public record Seats(Map<Integer, List<SeatView>> partitions, Set<Integer> unavailable) {
        public Seats {
            partitions = new TreeMap<>(partitions);
            unavailable = new TreeSet<>(unavailable);
        }
    }

    /** @param partitions partition → ({@code section|status} → seats in that partition) */
    public record Counts(Map<Integer, Map<String, Long>> partitions, Set<Integer> unavailable) {
        public Counts {
            partitions = new TreeMap<>(partitions);
            unavailable = new TreeSet<>(unavailable);
        }
    }
}
