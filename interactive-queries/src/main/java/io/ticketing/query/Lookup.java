package io.ticketing.query;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer to one key lookup, whether read here or fetched from another instance: the value as
 * JSON plus how fresh it is. It travels between instances as an ordinary HTTP answer
 * ({@link #toReply}, {@link #fromReply}), so a forwarded lookup is answered exactly as a local one.
 */
public record Lookup(LocalRead.Outcome outcome, byte[] json, boolean stale, Long lag, Wait waited) {

    /** How a long-poll ended; NONE when the request did not wait. */
    public enum Wait { NONE, REACHED, TIMED_OUT }

    public static Lookup of(LocalRead read) {
        if (read.outcome() == LocalRead.Outcome.FOUND) {
            return new Lookup(LocalRead.Outcome.FOUND, Reply.toJson(read.value()), read.stale(), read.lag(), Wait.NONE);
        }
        if (read.outcome() == LocalRead.Outcome.NOT_FOUND && !read.stale()) {
            return notFound();
        }
        // A lagging replica not having a key proves nothing: the caller should retry, not be told 404.
        return unavailable();
    }

    public static Lookup notFound() {
        return new Lookup(LocalRead.Outcome.NOT_FOUND, null, false, null, Wait.NONE);
    }

    public static Lookup unavailable() {
        return new Lookup(LocalRead.Outcome.UNAVAILABLE, null, false, null, Wait.NONE);
    }

    public Lookup waited(Wait how) {
        return new Lookup(outcome, json, stale, lag, how);
    }

    public boolean found() {
        return outcome == LocalRead.Outcome.FOUND;
    }

    /** Answered for sure (found or not found), so no other replica needs asking. */
    public boolean settled() {
        return outcome != LocalRead.Outcome.UNAVAILABLE;
    }

    /**
     * @param what what the key names, for the 404 detail, e.g. {@code "reservation 'r-1'"}
     */
    public Reply toReply(String what) {
        Reply reply = switch (outcome) {
            case FOUND -> new Reply(200, Reply.JSON, json, Map.of());
            case NOT_FOUND -> Problem.notFound("No " + what + " is known.");
            case UNAVAILABLE -> Problem.unavailable(
                    "The state holding " + what + " is moving between instances; retry shortly.");
        };
        Map<String, String> headers = new LinkedHashMap<>(reply.headers());
        if (stale) {
            headers.put(QueryHeaders.STALE, "true");
            if (lag != null) {
                headers.put(QueryHeaders.STALE_LAG, Long.toString(lag));
            }
        }
        if (waited == Wait.REACHED) {
            headers.put(QueryHeaders.WAIT, "reached");
        } else if (waited == Wait.TIMED_OUT) {
            headers.put(QueryHeaders.WAIT, "timed-out");
        }
        return new Reply(reply.status(), reply.contentType(), reply.body(), headers);
    }

    /** Reads another instance's answer; anything but 200, 404 or 503 is treated as no answer. */
    public static Lookup fromReply(Reply reply) {
        Map<String, String> headers = reply.headers();
        boolean stale = "true".equals(headers.get(QueryHeaders.STALE));
        Long lag = parseLong(headers.get(QueryHeaders.STALE_LAG));
        Wait wait = "reached".equals(headers.get(QueryHeaders.WAIT)) ? Wait.REACHED
                : "timed-out".equals(headers.get(QueryHeaders.WAIT)) ? Wait.TIMED_OUT : Wait.NONE;
        switch (reply.status()) {
            case 200:
                return new Lookup(LocalRead.Outcome.FOUND, reply.body(), stale, lag, wait);
            case 404:
                return new Lookup(LocalRead.Outcome.NOT_FOUND, null, stale, lag, wait);
            default:
                return unavailable();
        }
    }

    private static Long parseLong(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
