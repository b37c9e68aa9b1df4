package io.ticketing.serdes;

/**
 * Rejection reasons go into dead-letter headers and logs: they quote the offending value, but only a
 * bounded prefix of it, so a 60 KB garbage field does not become a 60 KB header.
 */
final class Reasons {

    static final int MAX_QUOTED_CHARS = 40;
    static final int MAX_REASON_CHARS = 1_000;

    private Reasons() {
    }

    /** {@code 'value'}, {@code 'first 40 chars...' (12345 chars)}, or {@code null}. */
    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        if (value.length() <= MAX_QUOTED_CHARS) {
            return "'" + value + "'";
        }
        return "'" + value.substring(0, MAX_QUOTED_CHARS) + "...' (" + value.length() + " chars)";
    }

    static String bounded(String reason) {
        if (reason.length() <= MAX_REASON_CHARS) {
            return reason;
        }
        return reason.substring(0, MAX_REASON_CHARS) + "... (" + reason.length() + " chars)";
    }
}
