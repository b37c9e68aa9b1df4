package io.ticketing.serdes;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ticketing.events.PaymentFailed;
import io.ticketing.events.PaymentSucceeded;
import io.ticketing.events.ReservationCreated;
import io.ticketing.events.ReservationExpired;
import io.ticketing.events.TicketingEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of {@link EventReader#read}: whatever the bytes, it never throws, and every input ends
 * as Accepted (and then the event is valid and survives a write and a re-read) or as Rejected with a
 * non-empty, bounded reason. That is what lets the topology promise "dead letter, never a crash loop".
 *
 * <p>Each case has its own seed, printed on failure. Replay one case with
 * {@code mvn -B -pl serdes verify -Dtest=EventReaderFuzzTest -Dfuzz.seed=<case seed>}; run more with
 * {@code -Dfuzz.cases=200000}; pin the whole run with {@code -Dfuzz.master=<seed>}.
 */
class EventReaderFuzzTest {

    private static final List<Class<? extends TicketingEvent>> INPUT_TYPES =
            List.of(ReservationCreated.class, ReservationExpired.class, PaymentSucceeded.class, PaymentFailed.class);
    private static final List<String> EXAMPLES = List.of(Examples.RESERVATION_CREATED, Examples.RESERVATION_EXPIRED,
            Examples.PAYMENT_SUCCEEDED, Examples.PAYMENT_FAILED);
    /** A header-sized reason: readable in a DLT browser, never a copy of a 64 KB input. */
    private static final int MAX_REASON_CHARS = 2_000;
    /** {@code "name": value} where value is a string or a scalar; group 2 is the value. */
    private static final java.util.regex.Pattern FIELD =
            java.util.regex.Pattern.compile("\"(\\w+)\"\\s*:\\s*(\"[^\"]*\"|[^,}\\s\\[{]+)");

    private volatile long currentCase;
    /** Outcomes by mutation and kind, printed after the run: shows the generators reach every path. */
    private static final java.util.Map<String, Integer> OUTCOMES = new java.util.concurrent.ConcurrentSkipListMap<>();

    @Test
    void readNeverThrowsAndEveryOutcomeIsWellFormed() {
        Long replay = Long.getLong("fuzz.seed");
        if (replay != null) {
            runCase(replay);
            return;
        }
        long master = Long.getLong("fuzz.master", new Random().nextLong());
        int cases = Integer.getInteger("fuzz.cases", 20_000);
        System.out.printf("EventReaderFuzzTest: %d cases from -Dfuzz.master=%d%n", cases, master);
        SplittableRandom seeds = new SplittableRandom(master);
        // A generous bound: a hang (say, expanding 1e999999999) must fail with its seed, not stall the build.
        assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
            for (int i = 0; i < cases; i++) {
                currentCase = seeds.nextLong();
                runCase(currentCase);
            }
        }, () -> "hung on " + replayHint(currentCase));
        System.out.println("EventReaderFuzzTest outcomes: " + OUTCOMES);
        org.assertj.core.api.Assertions.assertThat(OUTCOMES.keySet()).as("every outcome is reached").contains(
                "VALID_VARIANT/ACCEPTED", "FIELD_VALUE/ACCEPTED", "FIELD_VALUE/INVALID", "FIELD_VALUE/UNPARSEABLE",
                "RANDOM_BYTES/UNPARSEABLE", "FIELD_VALUE/OVERSIZE");
    }

    private static void runCase(long seed) {
        Random rnd = new Random(seed);
        int typeIndex = rnd.nextInt(INPUT_TYPES.size());
        Class<? extends TicketingEvent> type = INPUT_TYPES.get(typeIndex);
        Mutation mutation = Mutation.values()[rnd.nextInt(Mutation.values().length)];
        byte[] input;
        try {
            input = mutation.make(rnd, Examples.text(EXAMPLES.get(typeIndex)));
        } catch (RuntimeException e) {
            throw new AssertionError("the fuzz generator itself failed; " + replayHint(seed), e);
        }
        check(seed, mutation, type, input);
    }

    private static <T extends TicketingEvent> void check(long seed, Mutation mutation, Class<T> type, byte[] input) {
        EventReader<T> reader = new EventReader<>(type);
        ReadResult<T> result;
        try {
            result = reader.read(input);
        } catch (Throwable t) {
            throw failure(seed, mutation, type, input, "read threw " + t, t);
        }
        if (result instanceof ReadResult.Rejected<T> rejected) {
            if (rejected.kind() == null || rejected.reason() == null || rejected.reason().isBlank()) {
                throw failure(seed, mutation, type, input, "rejected without a kind or reason: " + rejected, null);
            }
            OUTCOMES.merge(mutation + "/" + rejected.kind(), 1, Integer::sum);
            if (rejected.reason().length() > MAX_REASON_CHARS) {
                throw failure(seed, mutation, type, input,
                        "reason of " + rejected.reason().length() + " chars: " + rejected.reason().substring(0, 300), null);
            }
            return;
        }
        T event = ((ReadResult.Accepted<T>) result).event();
        OUTCOMES.merge(mutation + "/ACCEPTED", 1, Integer::sum);
        List<String> problems = EventValidator.problems(event);
        if (!type.isInstance(event) || !problems.isEmpty()) {
            throw failure(seed, mutation, type, input, "accepted an invalid event " + event + ": " + problems, null);
        }
        try {
            ReadResult<T> again = reader.read(JsonSerde.of(type).serialize("t", event));
            if (!(again instanceof ReadResult.Accepted<T> a) || !a.event().equals(event)) {
                throw failure(seed, mutation, type, input, "accepted " + event + " but its re-read is " + again, null);
            }
        } catch (AssertionError e) {
            throw e;
        } catch (Throwable t) {
            throw failure(seed, mutation, type, input, "accepted " + event + " but writing it back threw " + t, t);
        }
    }

    private static AssertionError failure(long seed, Mutation mutation, Class<?> type, byte[] input, String what,
            Throwable cause) {
        String shown = new String(input, 0, Math.min(input.length, 400), StandardCharsets.UTF_8);
        return new AssertionError(what.substring(0, Math.min(what.length(), 600)) + "\n  input (" + mutation + " as " + type.getSimpleName() + ", "
                + input.length + " bytes): " + shown
                + "\n  input base64 (first 400 bytes): "
                + Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(input, Math.min(input.length, 400)))
                + "\n  " + replayHint(seed), cause);
    }

    private static String replayHint(long seed) {
        return "case seed " + seed + "; replay: mvn -B -pl serdes verify -Dtest=EventReaderFuzzTest -Dfuzz.seed=" + seed;
    }

    /** How an input is made; each starts from nothing or from one of the seed's valid examples. */
    enum Mutation {
        RANDOM_BYTES {
            @Override
            byte[] make(Random rnd, String example) {
                byte[] bytes = new byte[rnd.nextInt(300)];
                rnd.nextBytes(bytes);
                return bytes;
            }
        },
        RANDOM_TOKENS {
            private final String[] tokens = {"{", "}", "[", "]", ":", ",", "\"", "\"status\"", "\"amount\"",
                "\"reservationId\"", "null", "true", "false", "0", "-1", "1e999999999", "\"x\"", " ", "\\", "\"\\u0000\""};

            @Override
            byte[] make(Random rnd, String example) {
                StringBuilder out = new StringBuilder();
                int n = rnd.nextInt(60);
                for (int i = 0; i < n; i++) {
                    out.append(tokens[rnd.nextInt(tokens.length)]);
                }
                return utf8(out.toString());
            }
        },
        FLIPPED_BYTES {
            @Override
            byte[] make(Random rnd, String example) {
                byte[] bytes = utf8(example);
                int edits = 1 + rnd.nextInt(5);
                for (int i = 0; i < edits && bytes.length > 0; i++) {
                    int at = rnd.nextInt(bytes.length);
                    switch (rnd.nextInt(4)) {
                        case 0 -> bytes[at] ^= (byte) (1 << rnd.nextInt(8));
                        case 1 -> bytes[at] = (byte) rnd.nextInt(256);
                        case 2 -> bytes = splice(bytes, at, 1, new byte[0]);
                        default -> bytes = splice(bytes, at, 0, new byte[] {(byte) rnd.nextInt(256)});
                    }
                }
                return bytes;
            }
        },
        TRUNCATED {
            @Override
            byte[] make(Random rnd, String example) {
                byte[] bytes = utf8(example);
                return java.util.Arrays.copyOf(bytes, rnd.nextInt(bytes.length + 1));
            }
        },
        FIELD_VALUE {
            /** One field's value (or a new field) replaced, as text: hostile numbers never pass through a tree. */
            @Override
            byte[] make(Random rnd, String example) {
                java.util.List<java.util.regex.MatchResult> fields = FIELD.matcher(example).results().toList();
                if (fields.isEmpty() || rnd.nextInt(5) == 0) {
                    String name = rnd.nextBoolean() ? "schemaVersion" : "unknownField";
                    return utf8(example.replaceFirst("\\{", java.util.regex.Matcher.quoteReplacement(
                            "{\"" + name + "\": " + Values.any(rnd) + ",")));
                }
                java.util.regex.MatchResult field = fields.get(rnd.nextInt(fields.size()));
                return utf8(example.substring(0, field.start(2)) + Values.any(rnd) + example.substring(field.end(2)));
            }
        },
        SEVERAL_FIELDS {
            @Override
            byte[] make(Random rnd, String example) {
                String json = example;
                for (int i = 0; i < 2 + rnd.nextInt(3); i++) {
                    json = new String(FIELD_VALUE.make(rnd, json), StandardCharsets.UTF_8);
                }
                return utf8(json);
            }
        },
        REMOVED_FIELDS {
            @Override
            byte[] make(Random rnd, String example) {
                ObjectNode node = tree(example);
                List<String> names = new java.util.ArrayList<>();
                node.fieldNames().forEachRemaining(names::add);
                java.util.Collections.shuffle(names, rnd);
                names.subList(0, rnd.nextInt(names.size() + 1)).forEach(node::remove);
                return utf8(text(node));
            }
        },
        VALID_VARIANT {
            /** Valid by construction most of the time: exercises the Accepted path and its round trip. */
            @Override
            byte[] make(Random rnd, String example) {
                String json = java.util.regex.Pattern
                        .compile("\"(eventId|reservationId|customerId|seatId|paymentId|orderId)\": \"[^\"]*\"")
                        .matcher(example).replaceAll(m -> m.group(1).equals("reservationId") && rnd.nextBoolean()
                                ? m.group() : "\"" + m.group(1) + "\": \"" + Values.id(rnd) + "\"");
                json = java.util.regex.Pattern.compile("\"(amount|basePrice)\": [0-9.]+")
                        .matcher(json).replaceAll(m -> "\"" + m.group(1) + "\": " + Values.money(rnd));
                json = java.util.regex.Pattern.compile("\"(\\w+At)\": \"([^\"]+)\"")
                        .matcher(json).replaceAll(m -> "\"" + m.group(1) + "\": \""
                                + Values.otherNotation(rnd, java.time.Instant.parse(m.group(2))) + "\"");
                if (rnd.nextBoolean()) {
                    json = json.replaceFirst("\\{", "{\"schemaVersion\": \"1." + rnd.nextInt(20) + "\",");
                }
                return utf8(json);
            }
        },
        DEEP_NESTING {
            @Override
            byte[] make(Random rnd, String example) {
                int depth = rnd.nextInt(40_000);
                String open = rnd.nextBoolean() ? "[" : "{\"a\":";
                String close = open.equals("[") ? "]" : "}";
                String nested = open.repeat(depth) + (rnd.nextBoolean() ? close.repeat(depth) : "");
                return rnd.nextBoolean() ? utf8(nested)
                        : utf8(example.replaceFirst("\\{", "{\"nested\":" + nested + (nested.endsWith(close) ? "," : "")));
            }
        },
        ENCODINGS {
            @Override
            byte[] make(Random rnd, String example) {
                return switch (rnd.nextInt(4)) {
                    case 0 -> example.getBytes(StandardCharsets.UTF_16BE);
                    case 1 -> example.getBytes(StandardCharsets.UTF_16LE);
                    case 2 -> splice(utf8(example), 0, 0, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                    default -> utf8(example + example);
                };
            }
        };

        abstract byte[] make(Random rnd, String example);
    }

    /** Raw JSON values, hostile and benign. */
    static final class Values {
        private static final String[] NUMBERS = {"0", "-0", "1", "-1", "50.00", "-50.00", "1e999999999", "-1e999999999",
            "1e-999999999", "1E+2147483647", "1e2147483648", "-1e-2147483649", "123456789012345678901234567890",
            "9".repeat(999), "9".repeat(1001), "0.".concat("0".repeat(2000)).concat("1"), "1.5e2", "NaN", "Infinity",
            "-Infinity", "0x10", "01", "1.", ".5", "+1", "9223372036854775808", "-9223372036854775809", "1e308", "4.9e-324"};
        private static final String[] STRINGS = {"", " ", "active", "expired", "succeeded", "failed", "USD", "usd", "US",
            "1.0", "1.3", "2.0", "1", "0.9", "1.99999", "99999.1", "a|b", "../x", "\\u0000", "\\ud800", "\\uD83D\\uDE00",
            "\u00e9t\u00e9", "2026-03-04T20:35:00Z", "2026-03-04T20:35:00", "2026-03-04T20:35:00+14:00",
            "2026-03-04T20:35:00-18:00", "2026-03-04T20:35:00+18:01", "+999999999-12-31T23:59:59.999999999Z",
            "-999999999-01-01T00:00:00Z", "+1000000000-01-01T00:00:00Z", "0000-01-01T00:00:00Z",
            "2026-02-30T00:00:00Z", "2026-03-04T20:35:60Z", "2026-03-04T20:35:00.1234567891Z", "50.00", "1e999999999"};

        static String any(Random rnd) {
            return switch (rnd.nextInt(8)) {
                case 0 -> NUMBERS[rnd.nextInt(NUMBERS.length)];
                case 1 -> "\"" + STRINGS[rnd.nextInt(STRINGS.length)] + "\"";
                case 2 -> "\"" + "x".repeat(rnd.nextInt(70_000)) + "\"";
                case 3 -> new String[] {"null", "true", "false", "[]", "{}", "[null]", "[\"x\"]", "{\"a\":1}"}[rnd.nextInt(8)];
                case 4 -> "[".repeat(1 + rnd.nextInt(3000)) + "]".repeat(rnd.nextInt(3001));
                case 5 -> "\"" + sameInstantAs(rnd, "2026-03-04T20:35:00Z") + "\"";
                case 6 -> money(rnd);
                default -> id(rnd).isEmpty() ? "\"\"" : "\"" + id(rnd) + "\"";
            };
        }

        static String id(Random rnd) {
            String alphabet = "abcXYZ019-_.:~|/ \u00e9";
            StringBuilder out = new StringBuilder();
            int length = rnd.nextInt(10) == 0 ? rnd.nextInt(200) : 1 + rnd.nextInt(40);
            int usable = rnd.nextInt(10) == 0 ? alphabet.length() : 12; // mostly valid ids, sometimes hostile
            for (int i = 0; i < length; i++) {
                out.append(alphabet.charAt(rnd.nextInt(usable)));
            }
            return out.toString();
        }

        static String money(Random rnd) {
            String digits = Long.toString(rnd.nextInt(100_000));
            String value = switch (rnd.nextInt(5)) {
                case 0 -> digits;
                case 1 -> digits + "." + String.format("%02d", rnd.nextInt(100));
                case 2 -> digits + "." + "0".repeat(1 + rnd.nextInt(6));
                case 3 -> digits + "e" + (rnd.nextInt(30) - 15);
                default -> "0." + Long.toString(Math.abs(rnd.nextLong())).substring(0, 1 + rnd.nextInt(7));
            };
            return rnd.nextInt(20) == 0 ? "-" + value : value;
        }

        /** A nearby instant in a random notation: any offset, any fraction. */
        static String sameInstantAs(Random rnd, String utc) {
            return otherNotation(rnd, java.time.Instant.parse(utc).plusNanos(rnd.nextInt(1_000_000_000)));
        }

        /** The same instant, written with a random offset (whole quarter hours) and the fraction it has. */
        static String otherNotation(Random rnd, java.time.Instant instant) {
            java.time.ZoneOffset offset = java.time.ZoneOffset.ofTotalSeconds((rnd.nextInt(57) - 28) * 15 * 60);
            String text = instant.atOffset(offset).toString();
            return rnd.nextInt(4) == 0 ? text.replaceFirst("([+-]\\d\\d):(\\d\\d)$", "$1$2") : text;
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] splice(byte[] bytes, int at, int remove, byte[] insert) {
        byte[] out = new byte[bytes.length - remove + insert.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(bytes, at + remove, out, at + insert.length, bytes.length - at - remove);
        return out;
    }

    private static ObjectNode tree(String json) {
        try {
            return (ObjectNode) Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(ObjectNode node) {
        try {
            return Json.mapper().writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
