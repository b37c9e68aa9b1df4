package io.ticketing.bench;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code FailoverProbe BASE_URL KEYS_FILE SECONDS OUT_FILE}: looks up reservation ids (one a line) in
 * turn, one request at a time, for SECONDS, against one instance, and writes one line per request:
 * {@code <start epoch ms> <end epoch ms> <status> <stale header or ->}. A request that fails outright
 * (no answer in 5 s, connection refused) is written with status 0. The bench script reads the lines
 * against the time it killed an instance: how long no lookup answered 200, and what answered instead.
 */
public final class FailoverProbe {

    private FailoverProbe() {
    }

    public static void main(String[] args) throws Exception {
        Usage.require(args, 4, FailoverProbe.class, "BASE_URL KEYS_FILE SECONDS OUT_FILE");
        String base = args[0];
        List<String> keys = Files.readAllLines(Path.of(args[1])).stream().filter(k -> !k.isBlank()).toList();
        long until = System.currentTimeMillis() + Long.parseLong(args[2]) * 1000;
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[3])), true)) {
            for (long i = 0; System.currentTimeMillis() < until; i++) {
                String key = keys.get((int) (i % keys.size()));
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/reservations/" + key))
                        .timeout(Duration.ofSeconds(5)).GET().build();
                long start = System.currentTimeMillis();
                int status;
                String stale;
                try {
                    HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                    status = response.statusCode();
                    stale = response.headers().firstValue("X-Ticketing-Stale").orElse("-");
                } catch (java.io.IOException noAnswer) {
                    status = 0;
                    stale = "-";
                }
                out.printf("%d %d %d %s%n", start, System.currentTimeMillis(), status, stale);
                // About 50 lookups/s: fine-grained enough for a seconds-scale gap, light on 2 shared cores.
                Thread.sleep(20);
            }
        }
    }
}
