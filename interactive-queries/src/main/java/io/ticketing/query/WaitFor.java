package io.ticketing.query;

import io.ticketing.topology.StoreNames;
import io.ticketing.topology.view.OrderStatus;
import io.ticketing.topology.view.OrderView;
import io.ticketing.topology.view.ReservationStatus;
import io.ticketing.topology.view.ReservationView;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A long-poll request: {@code ?waitFor=<status>&timeout=<n>[ms|s]} on a reservation or an order.
 * It is over when the view reaches the status, or reaches a final status it can never leave (waiting
 * longer could not help), or at the timeout.
 */
public record WaitFor(String store, String status, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /**
     * Below Jetty's default 30 s connection idle timeout, so a waiting request is never cut by the
     * server it waits on (nor a forwarded one by the owner's).
     */
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(25);
    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})(ms|s)?");

    /**
     * @return empty when {@code waitFor} is absent
     * @throws ReplyException 400 when the status or timeout is not understood, or waiting is not
     *                        supported on {@code store}
     */
    public static Optional<WaitFor> parse(String store, String waitFor, String timeout) {
        if (waitFor == null) {
            if (timeout != null) {
                throw new ReplyException(Problem.badRequest("timeout is only meaningful with waitFor"));
            }
            return Optional.empty();
        }
        String status = waitFor.trim().toUpperCase(java.util.Locale.ROOT);
        Enum<?>[] allowed = statusesOf(store);
        if (Arrays.stream(allowed).noneMatch(s -> s.name().equals(status))) {
            throw new ReplyException(Problem.badRequest("waitFor must be one of " + Arrays.toString(allowed)));
        }
        return Optional.of(new WaitFor(store, status, parseTimeout(timeout)));
    }

    static Duration parseTimeout(String timeout) {
        if (timeout == null) {
            return DEFAULT_TIMEOUT;
        }
        Matcher m = DURATION.matcher(timeout.trim());
        if (!m.matches()) {
            throw new ReplyException(Problem.badRequest("timeout must look like 10s, 500ms or 10 (seconds)"));
        }
        long amount = Long.parseLong(m.group(1));
        Duration d = "ms".equals(m.group(2)) ? Duration.ofMillis(amount) : Duration.ofSeconds(amount);
        if (d.compareTo(MAX_TIMEOUT) > 0) {
            throw new ReplyException(Problem.badRequest("timeout may be at most " + MAX_TIMEOUT.toSeconds() + "s"));
        }
        return d;
    }

    private static Enum<?>[] statusesOf(String store) {
        if (StoreNames.RESERVATIONS.equals(store)) {
            return ReservationStatus.values();
        }
        if (StoreNames.ORDERS.equals(store)) {
            return OrderStatus.values();
        }
        throw new ReplyException(Problem.badRequest("waitFor is supported on reservations and orders only"));
    }

    /** For the forwarded request to the owner. */
    public String toQuery() {
        return "waitFor=" + status + "&timeout=" + timeout.toMillis() + "ms";
    }

    public Predicate<ReservationView> reservationDone() {
        return view -> view.status() != null
                && (view.status().name().equals(status)
                || view.status() == ReservationStatus.TICKETED
                || view.status() == ReservationStatus.REJECTED);
    }

    public Predicate<OrderView> orderDone() {
        // Order statuses only move up the ranks: once at or past the target, the wait is over.
        OrderStatus target = OrderStatus.valueOf(status);
        return view -> view.status() != null && view.status().compareTo(target) >= 0;
    }

    /** Whether a stored value already ends the wait. */
    public boolean doneBy(Object value) {
        if (value instanceof ReservationView r) {
            return reservationDone().test(r);
        }
        if (value instanceof OrderView o) {
            return orderDone().test(o);
        }
        return true;
    }
}
