package io.ticketing.query;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RFC 9457 problem bodies ({@code application/problem+json}). The detail is always written by us for
 * the caller: never an exception message, a stack trace or another instance's host name.
 */
public final class Problem {

    /** Seconds a client should wait before retrying a 503 (rebalancing, overloaded). */
    static final long RETRY_AFTER_SECONDS = 1;

    private Problem() {
    }

    public static Reply of(int status, String slug, String title, String detail) {
        return of(status, slug, title, detail, Map.of());
    }

    /** A problem with extension members (e.g. {@code valid: false} for a ticket check). */
    public static Reply of(int status, String slug, String title, String detail, Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "/problems/" + slug);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.putAll(extensions);
        return new Reply(status, Reply.PROBLEM_JSON, Reply.toJson(body), Map.of());
    }

    public static Reply badRequest(String detail) {
        return of(400, "bad-request", "Bad request", detail);
    }

    public static Reply notFound(String detail) {
        return of(404, "not-found", "Not found", detail);
    }

    public static Reply unavailable(String detail) {
        return unavailable(detail, Duration.ofSeconds(RETRY_AFTER_SECONDS));
    }

    public static Reply unavailable(String detail, Duration retryAfter) {
        return of(503, "unavailable", "Service unavailable", detail)
                .withHeader("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
    }

    public static Reply internal() {
        return of(500, "internal", "Internal error", "The request could not be answered; it has been logged.");
    }
}
