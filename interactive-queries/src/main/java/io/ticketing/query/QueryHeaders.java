package io.ticketing.query;

/** Response headers the query layer adds (documented in the module README). */
public final class QueryHeaders {

    /** {@code true} when the answer came from a standby or restoring replica. */
    public static final String STALE = "X-Ticketing-Stale";
    /** With {@link #STALE}: how many changelog records that replica was behind, when known. */
    public static final String STALE_LAG = "X-Ticketing-Stale-Lag";
    /** On a long-poll: {@code reached} or {@code timed-out}. */
    public static final String WAIT = "X-Ticketing-Wait";
    /** On a show-wide query: {@code false} when some partitions did not answer. */
    public static final String COMPLETE = "X-Ticketing-Complete";

    private QueryHeaders() {
    }
}
