package io.ticketing.app.simulate;

import io.ticketing.app.AppSettings;
import io.ticketing.app.BadSettingException;
import io.ticketing.app.KafkaEnvProperties;
import io.ticketing.topology.TopicNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code java -jar ticketing-app.jar simulate [flags]}: the traffic simulator on its own.
 * Connection and security come from the same {@code KAFKA_*} settings as the service; topic names
 * from {@code TICKETING_TOPIC_*}.
 */
public final class SimulateCommand {

    public static final String USAGE = String.join("\n",
            "usage: java -jar ticketing-app.jar simulate [flags]",
            "  --rate N            upstream records per second (default 200)",
            "  --shows N           shows on sale at once (default 5)",
            "  --seats N           seats per show (default 3000)",
            "  --seed N            random seed, to replay a run (default: random, printed)",
            "  --duration 60s      stop creating reservations after this long (s, m, ms, or ISO-8601)",
            "  --count N           stop creating reservations after about N records",
            "  --ttl 20s           reservation hold time (expiresAt - createdAt)",
            "  --bootstrap H:P     Kafka bootstrap servers (default KAFKA_BOOTSTRAP_SERVERS or localhost:9092)",
            "  --record FILE       write every acknowledged record as a JSON line",
            "  --paid P --failed P --expire P    outcome mix in percent (default 80 10 10)",
            "  --poison P --duplicates P --early P --hot P --late P",
            "                      percent of reservations with a poison record, a duplicate, a payment",
            "                      before its reservation, a competing reservation, a payment after expiry",
            "                      (defaults 0.5 3 5 3 2)",
            "Without --duration or --count it runs until stopped (Ctrl-C), then prints its summary.");

    private SimulateCommand() {
    }

    /** The options and the client properties for a command line; throws {@link BadSettingException}. */
    public static Parsed parse(String[] args, Map<String, String> settings) {
        SimulationOptions defaults = SimulationOptions.defaults(200, System.nanoTime() & 0xFFFFFFFL);
        int rate = defaults.rate();
        int shows = defaults.shows();
        int seats = defaults.seats();
        long seed = defaults.seed();
        Duration ttl = defaults.ttl();
        Optional<Duration> duration = Optional.empty();
        Optional<Long> count = Optional.empty();
        Optional<Path> record = Optional.empty();
        String bootstrap = settings.getOrDefault(AppSettings.BOOTSTRAP_SERVERS, "localhost:9092");
        double paid = defaults.paidPct();
        double failed = defaults.failedPct();
        double expire = defaults.expirePct();
        double poison = defaults.poisonPct();
        double duplicates = defaults.duplicatePct();
        double early = defaults.earlyPaymentPct();
        double hot = defaults.hotSeatPct();
        double late = defaults.latePaymentPct();

        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new BadSettingException(flag, "needs a value\n" + USAGE);
            }
            String value = args[++i];
            switch (flag) {
                case "--rate" -> rate = (int) number(flag, value, 1, 10_000_000);
                case "--shows" -> shows = (int) number(flag, value, 1, 100_000);
                case "--seats" -> seats = (int) number(flag, value, 1, 1_000_000);
                case "--seed" -> seed = number(flag, value, Long.MIN_VALUE, Long.MAX_VALUE);
                case "--duration" -> duration = Optional.of(duration(flag, value));
                case "--count" -> count = Optional.of(number(flag, value, 1, Long.MAX_VALUE));
                case "--ttl" -> ttl = duration(flag, value);
                case "--bootstrap" -> bootstrap = value;
                case "--record" -> record = Optional.of(Path.of(value));
                case "--paid" -> paid = percent(flag, value);
                case "--failed" -> failed = percent(flag, value);
                case "--expire" -> expire = percent(flag, value);
                case "--poison" -> poison = percent(flag, value);
                case "--duplicates" -> duplicates = percent(flag, value);
                case "--early" -> early = percent(flag, value);
                case "--hot" -> hot = percent(flag, value);
                case "--late" -> late = percent(flag, value);
                default -> throw new BadSettingException(flag, "unknown flag\n" + USAGE);
            }
        }
        if (paid + failed + expire <= 0) {
            throw new BadSettingException("--paid/--failed/--expire", "at least one must be above 0");
        }
        SimulationOptions options = new SimulationOptions(rate, shows, seats, seed, ttl, duration, count, record,
                paid, failed, expire, poison, duplicates, early, hot, late);
        Properties clients = new Properties();
        clients.putAll(KafkaEnvProperties.from(settings));
        clients.put("bootstrap.servers", bootstrap);
        return new Parsed(options, clients, AppSettings.topicsFrom(settings));
    }

    public record Parsed(SimulationOptions options, Properties clientProperties, TopicNames topics) {
    }

    private static long number(String flag, String value, long min, long max) {
        try {
            long n = Long.parseLong(value.replace("_", ""));
            if (n < min || n > max) {
                throw new BadSettingException(flag, n + " is out of range (" + min + " to " + max + ")");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadSettingException(flag, "'" + value + "' is not a whole number");
        }
    }

    private static double percent(String flag, String value) {
        try {
            double p = Double.parseDouble(value);
            if (p < 0 || p > 100) {
                throw new BadSettingException(flag, value + " is not a percentage between 0 and 100");
            }
            return p;
        } catch (NumberFormatException e) {
            throw new BadSettingException(flag, "'" + value + "' is not a number");
        }
    }

    /** {@code 500ms}, {@code 60s}, {@code 5m}, {@code 2h} or ISO-8601 ({@code PT1M}). */
    static Duration duration(String flag, String value) {
        try {
            String v = value.trim().toLowerCase(java.util.Locale.ROOT);
            Duration d;
            if (v.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            } else if (v.endsWith("s")) {
                d = Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
            } else if (v.endsWith("m")) {
                d = Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
            } else if (v.endsWith("h")) {
                d = Duration.ofHours(Long.parseLong(v.substring(0, v.length() - 1)));
            } else {
                d = Duration.parse(value.trim().toUpperCase(java.util.Locale.ROOT));
            }
            if (d.isNegative() || d.isZero()) {
                throw new BadSettingException(flag, "'" + value + "' must be longer than zero");
            }
            return d;
        } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
            throw new BadSettingException(flag, "'" + value + "' is not a duration like 500ms, 60s, 5m or PT1M");
        }
    }
}
