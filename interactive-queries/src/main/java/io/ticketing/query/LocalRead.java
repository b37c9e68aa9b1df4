package io.ticketing.query;

/**
 * What this instance's own stores say about one key.
 *
 * @param outcome found, not found, or no local store can answer now
 * @param value   the stored value when found
 * @param stale   read from a standby or restoring replica rather than an up-to-date active one
 * @param lag     how many changelog records that replica is behind, when known; null otherwise
 */
public record LocalRead(Outcome outcome, Object value, boolean stale, Long lag) {

    public enum Outcome { FOUND, NOT_FOUND, UNAVAILABLE }

    public static LocalRead found(Object value) {
        return new LocalRead(Outcome.FOUND, value, false, null);
    }

    public static LocalRead notFound() {
        return new LocalRead(Outcome.NOT_FOUND, null, false, null);
    }

    public static LocalRead staleFound(Object value, Long lag) {
        return new LocalRead(Outcome.FOUND, value, true, lag);
    }

    public static LocalRead staleNotFound(Long lag) {
        return new LocalRead(Outcome.NOT_FOUND, null, true, lag);
    }

    public static LocalRead unavailable() {
        return new LocalRead(Outcome.UNAVAILABLE, null, false, null);
    }
}
