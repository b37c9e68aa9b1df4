package io.ticketing.app.check;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * One record as the checker saw it: read off a topic, or taken from the simulator's record file.
 *
 * @param poisonKind for a record from the simulator's file, what is wrong with it on purpose; else null
 * @param headers    UTF-8 header values (last one wins); empty for file records
 */
public record TopicRecord(String topic, int partition, long offset, byte[] key, byte[] value,
                          Map<String, String> headers, String poisonKind) {

    public static TopicRecord of(String topic, int partition, long offset, String key, String value) {
        return new TopicRecord(topic, partition, offset, bytes(key), bytes(value), Map.of(), null);
    }

    static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    boolean poison() {
        return poisonKind != null;
    }

    boolean sameValue(byte[] other) {
        return Arrays.equals(value, other);
    }

    /** Where it is, for evidence lines: {@code payment-succeeded-3@41}. */
    String position() {
        return topic + "-" + partition + "@" + offset;
    }

    String valueText() {
        if (value == null) {
            return "null";
        }
        String text = new String(value, StandardCharsets.UTF_8);
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
