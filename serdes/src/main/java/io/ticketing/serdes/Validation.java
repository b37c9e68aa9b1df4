package io.ticketing.serdes;

import io.ticketing.events.SchemaVersion;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** Collects readable reasons why an event is not acceptable; empty means valid. */
final class Validation {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final List<String> problems = new ArrayList<>();

    Validation schemaVersion(String version) {
        SchemaVersion.problemWith(version).ifPresent(problems::add);
        return this;
    }

    Validation id(String field, String value) {
        if (!Ids.isValid(value)) {
            problems.add(Ids.problem(field, value));
        }
        return this;
    }

    Validation present(String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            problems.add(field + " is missing");
        }
        return this;
    }

    /**
     * A free-text value that becomes part of a composite store key ({@code eventId|section|status}):
     * it must not contain the separator, or one show's summary would be read back as another's.
     */
    Validation keyPart(String field, String value, String separator, int maxLength) {
        if (value == null || value.isBlank()) {
            problems.add(field + " is missing");
        } else if (value.contains(separator)) {
            problems.add(field + " " + Reasons.quote(value) + " may not contain '" + separator + "'");
        } else if (value.length() > maxLength) {
            problems.add(field + " is longer than " + maxLength + " characters");
        } else if (value.chars().anyMatch(Character::isISOControl)) {
            problems.add(field + " " + Reasons.quote(value) + " contains control characters");
        }
        return this;
    }

    Validation status(String expected, String actual) {
        if (!Objects.equals(expected, actual)) {
            problems.add("status is " + Reasons.quote(actual) + " but this topic carries only '" + expected + "'");
        }
        return this;
    }

    /** Absent is fine; present, it must be the topic's one status. */
    Validation optionalStatus(String expected, String actual) {
        return actual == null ? this : status(expected, actual);
    }

    Validation positive(String field, Integer value) {
        if (value == null) {
            problems.add(field + " is missing");
        } else if (value < 1) {
            problems.add(field + " must be at least 1 (was " + value + ")");
        }
        return this;
    }

    /** A non-negative amount of sane magnitude; never expands the number (1e999999999 is cheap to refuse). */
    Validation money(String field, BigDecimal value) {
        if (value == null) {
            problems.add(field + " is missing");
        } else if (Money.integerDigits(value) > Money.MAX_INTEGER_DIGITS) {
            problems.add(field + " is too large (more than " + Money.MAX_INTEGER_DIGITS + " digits before the point)");
        } else if (value.scale() > Money.MAX_DECIMALS) {
            problems.add(field + " has more than " + Money.MAX_DECIMALS + " decimals");
        } else if (value.signum() < 0) {
            problems.add(field + " is negative (" + value.toPlainString() + ")");
        }
        return this;
    }

    /** Absent is fine; present, it must be a currency like any payment's. */
    Validation optionalCurrency(String value) {
        return value == null ? this : currency(value);
    }

    Validation currency(String value) {
        if (value == null || !CURRENCY.matcher(value).matches()) {
            problems.add("currency " + Reasons.quote(value) + " is not a 3-letter ISO 4217 code");
        }
        return this;
    }

    Validation notBefore(String laterField, Instant later, String earlierField, Instant earlier) {
        if (later != null && earlier != null && later.isBefore(earlier)) {
            problems.add(laterField + " (" + later + ") is before " + earlierField + " (" + earlier + ")");
        }
        return this;
    }

    List<String> problems() {
        return List.copyOf(problems);
    }
}
