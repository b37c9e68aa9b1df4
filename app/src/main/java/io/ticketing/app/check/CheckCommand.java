package io.ticketing.app.check;

import io.ticketing.app.AppSettings;
import io.ticketing.app.SettingsSource;
import io.ticketing.topology.TopicNames;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * {@code java -jar ticketing-app.jar check --bootstrap host:port [--http host:port] [--record sim.jsonl]
 * [--sample N] [--grace 60s]}: reads every input and output topic and verifies CONTRACT §5 I1–I4,
 * plus I5 against the HTTP layer when {@code --http} is given. Prints each violation with its
 * evidence and a summary. Exit status 0 when every invariant holds, 1 when one does not, 2 for bad
 * arguments.
 *
 * <p>Run it after the simulator has stopped and the app has drained; while traffic still flows, give
 * {@code --grace} (at least the orphan timeout, and TTL plus expiry grace) so that payments too recent
 * to have settled are not judged.
 */
public final class CheckCommand {

    public static final String USAGE = String.join("\n",
            "usage: java -jar ticketing-app.jar check --bootstrap H:P [--http H:P] [--record FILE] [--sample N] [--grace 60s]",
            "  --bootstrap H:P  Kafka bootstrap servers (default KAFKA_BOOTSTRAP_SERVERS)",
            "  --http H:P       an instance's HTTP address: check I5 on a sample of reservations",
            "  --record FILE    the simulator's --record file (else the input topics are read)",
            "  --sample N       reservations sampled for I5 (default 200)",
            "  --grace DUR      judge I3 only for payments processed more than DUR ago (default 0: all)");

    private CheckCommand() {
    }

    /** For scripts that run the checker from the jar's class path ({@code bench/chaos.sh}). */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String[] args) {
        try {
            return run(args, SettingsSource.load(null, System.getenv()));
        } catch (IllegalArgumentException e) {
            System.err.println("check: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
    }

    static int run(String[] args, Map<String, String> settings) {
        String bootstrap = settings.get(AppSettings.BOOTSTRAP_SERVERS);
        String httpAddress = null;
        Path recordFile = null;
        int sample = 200;
        Duration grace = Duration.ZERO;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                System.out.println(USAGE);
                return 0;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = args[++i];
            switch (flag) {
                case "--bootstrap" -> bootstrap = value;
                case "--http" -> httpAddress = value;
                case "--record" -> recordFile = Path.of(value);
                case "--sample" -> sample = Integer.parseInt(value);
                case "--grace" -> grace = parseDuration(value);
                default -> throw new IllegalArgumentException("unknown flag " + flag);
            }
        }
        if (bootstrap == null) {
            throw new IllegalArgumentException("--bootstrap (or KAFKA_BOOTSTRAP_SERVERS) is required");
        }
        TopicNames topics = AppSettings.topicsFrom(settings);
        Instant settledBefore = grace.isZero() ? null : Instant.now().minus(grace);
        Properties clients = new Properties();
        clients.put("bootstrap.servers", bootstrap);

        Duration timeout = Duration.ofMinutes(2);
        List<TopicRecord> sent = new ArrayList<>();
        InvariantChecker.Outputs outputs;
        try (TopicReader reader = new TopicReader(clients)) {
            if (recordFile != null) {
                sent.addAll(RecordFile.read(recordFile));
            } else {
                for (String input : List.of(topics.reservationCreated(), topics.reservationExpired(),
                        topics.paymentSucceeded(), topics.paymentFailed())) {
                    sent.addAll(reader.readAll(input, timeout));
                }
            }
            outputs = new InvariantChecker.Outputs(reader.readAll(topics.ticketIssued(), timeout),
                    reader.readAll(topics.refundRequested(), timeout),
                    reader.readAll(topics.reservationExpired(), timeout),
                    reader.readAll(topics.deadLetter(), timeout));
        }
        InvariantChecker checker = new InvariantChecker(new InvariantChecker.Topics(topics.paymentSucceeded()),
                settledBefore);
        CheckReport report = checker.check(sent, outputs);
        if (httpAddress != null) {
            List<TopicRecord> created = good(sent, topics.reservationCreated());
            List<TopicRecord> payments = good(sent, topics.paymentSucceeded());
            new ServingCheck(checker, http(httpAddress), settledBefore)
                    .check(created, payments, outputs.ticketsIssued(), sample, 42, report);
        }
        System.out.print(report.describe());
        return report.passed() ? 0 : 1;
    }

    private static List<TopicRecord> good(List<TopicRecord> sent, String topic) {
        return sent.stream().filter(r -> !r.poison() && r.topic().equals(topic)).toList();
    }

    /** GET with the path's id URL-encoded, three tries on 503 (a rebalance in progress). */
    static ServingCheck.Http http(String address) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return path -> {
            int slash = path.indexOf('/', 1);
            String encoded = path.substring(0, slash + 1)
                    + URLEncoder.encode(path.substring(slash + 1), StandardCharsets.UTF_8).replace("+", "%20");
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + address + encoded))
                    .timeout(Duration.ofSeconds(10)).GET().build();
            ServingCheck.Answer answer = null;
            for (int attempt = 0; attempt < 3; attempt++) {
                try {
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    answer = new ServingCheck.Answer(response.statusCode(), response.body());
                    if (response.statusCode() != 503) {
                        return answer;
                    }
                    Thread.sleep(1000);
                } catch (IOException e) {
                    answer = new ServingCheck.Answer(599, "no answer: " + e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new ServingCheck.Answer(599, "interrupted");
                }
            }
            return answer;
        };
    }

    static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase();
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
        }
        if (t.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
        }
        return Duration.parse(text);
    }
}
