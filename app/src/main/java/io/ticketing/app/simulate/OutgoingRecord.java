package io.ticketing.app.simulate;

/**
 * One upstream record, due to be sent at {@code dueAtMs} (wall clock).
 *
 * @param poisonKind null for a good record; otherwise what is wrong with it on purpose
 */
record OutgoingRecord(String topic, String key, byte[] value, String poisonKind, long dueAtMs, long sequence)
        implements Comparable<OutgoingRecord> {

    boolean poison() {
        return poisonKind != null;
    }

    @Override
    public int compareTo(OutgoingRecord other) {
        int byTime = Long.compare(dueAtMs, other.dueAtMs);
        return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }
}
