package io.ticketing.topology;

/**
 * Headers of a record the topology dead-letters itself (bad input, CONTRACT §6). Key and value are
 * the original bytes, unchanged; these headers say where they came from and why they were refused.
 * Values are UTF-8 strings. The original record's own headers are kept as well.
 *
 * <p>Records dead-lettered by Kafka Streams' native handlers (an exception in processing code,
 * KIP-1034) carry Kafka's {@code __streams.errors.*} headers instead.
 */
public final class DeadLetterHeaders {

    public static final String TOPIC = "ticketing.dlt.topic";
    public static final String PARTITION = "ticketing.dlt.partition";
    public static final String OFFSET = "ticketing.dlt.offset";
    public static final String TIMESTAMP = "ticketing.dlt.timestamp";
    /** The {@code io.ticketing.serdes.Rejection} name: EMPTY, OVERSIZE, UNPARSEABLE or INVALID. */
    public static final String ERROR_CLASS = "ticketing.dlt.error.class";
    public static final String REASON = "ticketing.dlt.reason";

    private DeadLetterHeaders() {
    }
}
