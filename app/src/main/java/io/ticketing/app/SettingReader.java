package io.ticketing.app;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Typed reads of named settings; every failure is a {@link BadSettingException} naming the setting. */
final class SettingReader {

    private final Map<String, String> values;

    SettingReader(Map<String, String> values) {
        this.values = values;
    }

    Optional<String> optional(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    String string(String name, String defaultValue) {
        return optional(name).orElse(defaultValue);
    }

    int integer(String name, int defaultValue, int min, int max) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        int value;
        try {
            value = Integer.parseInt(raw.get());
        } catch (NumberFormatException e) {
            throw new BadSettingException(name, "'" + raw.get() + "' is not a whole number");
        }
        if (value < min || value > max) {
            throw new BadSettingException(name, value + " is out of range: use " + min + " to " + max);
        }
        return value;
    }

    /** A number of milliseconds, at least {@code min}. */
    Duration millis(String name, Duration defaultValue, Duration min) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        Duration value;
        try {
            value = Duration.ofMillis(Long.parseLong(raw.get()));
        } catch (NumberFormatException e) {
            throw new BadSettingException(name, "'" + raw.get() + "' is not a number of milliseconds");
        }
        return atLeast(name, value, min);
    }

    /** An ISO-8601 duration ({@code P7D}, {@code PT12H}) or a plain number of milliseconds. */
    Duration duration(String name, Duration defaultValue, Duration min) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        String text = raw.get();
        Duration value;
        if (text.chars().allMatch(Character::isDigit)) {
            value = Duration.ofMillis(Long.parseLong(text));
        } else {
            try {
                value = parseIso(text.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new BadSettingException(name, "'" + text
                        + "' is neither an ISO-8601 duration (e.g. P7D, PT12H) nor a number of milliseconds");
            }
        }
        return atLeast(name, value, min);
    }

    boolean bool(String name, boolean defaultValue) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        switch (raw.get().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1":
                return true;
            case "false", "no", "off", "0":
                return false;
            default:
                throw new BadSettingException(name, "'" + raw.get() + "' is not true or false");
        }
    }

    private static Duration parseIso(String text) {
        // Duration.parse reads days (P7D) and times (PT12H) but not weeks; accept P<n>W too.
        if (text.matches("P\\d+W")) {
            return Duration.ofDays(7L * Long.parseLong(text.substring(1, text.length() - 1)));
        }
        return Duration.parse(text);
    }

    private static Duration atLeast(String name, Duration value, Duration min) {
        if (value.compareTo(min) < 0) {
            throw new BadSettingException(name, value.toMillis() + " ms is too short: use at least "
                    + min.toMillis() + " ms");
        }
        return value;
    }
}
