package io.ticketing.query;

import io.ticketing.topology.view.SeatView;

/**
 * The filters and page of a show-wide seat query.
 *
 * @param section only seats of this section; null for all
 * @param status  only seats in this status (a {@code SeatStatus} name); null for all
 * @param after   only seats whose seatId sorts after this one (the cursor); null to start at the first
 * @param limit   at most this many seats in the page
 */
public record SeatFilter(String section, String status, String after, int limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public boolean narrows() {
        return section != null || status != null || after != null;
    }

    public boolean accepts(SeatView seat) {
        return (section == null || section.equals(seat.section()))
                && (status == null || (seat.status() != null && status.equals(seat.status().name())))
                && (after == null || seat.seatId().compareTo(after) > 0);
    }
}
