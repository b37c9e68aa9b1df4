package io.ticketing.app.simulate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How the simulator plays upstream. Percentages are of reservations, except {@code poisonPct}, which
 * is the share of reservations that also get one bad record somewhere.
 *
 * @param rate     upstream records per second, over all four topics
 * @param shows    shows on sale at once; a sold-out show is replaced by a new one
 * @param seats    seats per show
 * @param ttl      how long a reservation holds its seat ({@code expiresAt - createdAt})
 * @param duration stop creating reservations after this long (then finish what is in flight)
 * @param count    stop creating reservations after about this many records
 */
public record SimulationOptions(
        int rate,
        int shows,
        int seats,
        long seed,
        Duration ttl,
        Optional<Duration> duration,
        Optional<Long> count,
        Optional<Path> recordFile,
        double paidPct,
        double failedPct,
        double expirePct,
        double poisonPct,
        double duplicatePct,
        double earlyPaymentPct,
        double hotSeatPct,
        double latePaymentPct) {

    /** The mix the brief describes: ~80 % paid, ~10 % failed, ~10 % left to expire, a little of the rest. */
    public static SimulationOptions defaults(int rate, long seed) {
        return new SimulationOptions(rate, 5, 3000, seed, Duration.ofSeconds(20), Optional.empty(),
                Optional.empty(), Optional.empty(), 80, 10, 10, 0.5, 3, 5, 3, 2);
    }

    public SimulationOptions withShape(int shows, int seats) {
        return new SimulationOptions(rate, shows, seats, seed, ttl, duration, count, recordFile, paidPct,
                failedPct, expirePct, poisonPct, duplicatePct, earlyPaymentPct, hotSeatPct, latePaymentPct);
    }

    /** True once nothing more should be created: the duration or count is reached. */
    boolean finishedCreating(long elapsedMs, long recordsCreated) {
        return duration.map(d -> elapsedMs >= d.toMillis()).orElse(false)
                || count.map(c -> recordsCreated >= c).orElse(false);
    }
}
