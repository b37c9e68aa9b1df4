package io.ticketing.query;

import io.ticketing.serdes.Ids;
import io.ticketing.topology.view.SeatStatus;
import java.util.Arrays;
import java.util.Locale;
import java.util.OptionalInt;

/** Validates what a client put in a path or query string, before any store is touched. */
final class PathParams {

    private static final int MAX_SECTION_LENGTH = 128;

    private PathParams() {
    }

    /** @throws ReplyException 400 unless {@code value} is a valid id (see {@link Ids}) */
    static String id(String field, String value) {
        if (!Ids.isValid(value)) {
            throw new ReplyException(Problem.badRequest(Ids.problem(field, value)));
        }
        return value;
    }

    static String section(String value) {
        if (value == null) {
            return null;
        }
        if (value.isEmpty() || value.length() > MAX_SECTION_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
            throw new ReplyException(Problem.badRequest(
                    "section must be 1 to " + MAX_SECTION_LENGTH + " printable characters"));
        }
        return value;
    }

    static String seatStatus(String value) {
        if (value == null) {
            return null;
        }
        String upper = value.toUpperCase(Locale.ROOT);
        if (Arrays.stream(SeatStatus.values()).noneMatch(s -> s.name().equals(upper))) {
            throw new ReplyException(Problem.badRequest("status must be one of " + Arrays.toString(SeatStatus.values())));
        }
        return upper;
    }

    static int limit(String value, int max) {
        if (value == null) {
            return Math.min(SeatFilter.DEFAULT_LIMIT, max);
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new ReplyException(Problem.badRequest("limit must be a number from 1 to " + max));
    }

    /** A store partition named by another instance (internal routes); absent when not given. */
    static OptionalInt partition(String value) {
        if (value == null) {
            return OptionalInt.empty();
        }
        try {
            int partition = Integer.parseInt(value);
            if (partition >= 0) {
                return OptionalInt.of(partition);
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new ReplyException(Problem.badRequest("partition must be a number from 0"));
    }

    static String cursor(String value) {
        return value == null ? null : id("cursor", value);
    }
}
