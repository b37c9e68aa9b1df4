package io.ticketing.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ticketing.serdes.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP answer, built by the query classes and written by {@link QueryServer}. Keeping it apart
 * from Javalin's context lets the query logic be tested without a server and lets a forwarded answer
 * be relayed unchanged.
 */
public record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {

    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String PDF = "application/pdf";

    public Reply {
        headers = Map.copyOf(headers);
    }

    public static Reply json(int status, Object value) {
        return new Reply(status, JSON, toJson(value), Map.of());
    }

    public Reply withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Reply(status, contentType, body, copy);
    }

    static byte[] toJson(Object value) {
        try {
            return Json.mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            // Our own view records always serialise; reaching here is a bug, not bad input.
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
