package io.ticketing.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ticketing.serdes.Json;
import io.ticketing.topology.StoreNames;
import io.ticketing.topology.view.SeatStatus;
import io.ticketing.topology.view.SeatView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Show-wide queries. A show's seats are spread over every partition (a hot show must not land on one
 * task), so each instance is asked in parallel for what its active partitions hold, and the parts are
 * merged: every partition is taken once (so every seat appears once), and partitions nobody could
 * answer for are named in the response instead of silently shrinking it.
 */
final class ShowQueries {

    static final String INTERNAL_SEATS = "/internal/shows/%s/seats";
    static final String INTERNAL_SUMMARY = "/internal/shows/%s/summary";
    static final String INTERNAL_SHOWS = "/internal/shows";

    private final Cluster cluster;
    private final LocalStores stores;
    private final Forwarder forwarder;
    private final Duration forwardTimeout;
    private final Executor workers;
    private final ObjectMapper json = Json.mapper();

    ShowQueries(Cluster cluster, LocalStores stores, Forwarder forwarder, Duration forwardTimeout, Executor workers) {
        this.cluster = cluster;
        this.stores = stores;
        this.forwarder = forwarder;
        this.forwardTimeout = forwardTimeout;
        this.workers = workers;
    }

    CompletableFuture<Reply> seats(String eventId, SeatFilter filter) {
        // Each partition returns one more than a page, so the merge knows whether another page exists.
        SeatFilter perPartition = new SeatFilter(filter.section(), filter.status(), filter.after(), filter.limit() + 1);
        String path = String.format(INTERNAL_SEATS, eventId) + query(perPartition);
        return gather(StoreNames.SHOW_SEATS,
                () -> stores.showSeats(eventId, perPartition),
                path,
                body -> read(body, ShowPart.Seats.class),
                ShowPart.Seats::partitions,
                ShowPart.Seats::unavailable)
                .thenApply(merged -> seatPage(eventId, filter, merged));
    }

    CompletableFuture<Reply> summary(String eventId) {
        return gather(StoreNames.SHOW_SUMMARY,
                () -> stores.showCounts(eventId),
                String.format(INTERNAL_SUMMARY, eventId),
                body -> read(body, ShowPart.Counts.class),
                ShowPart.Counts::partitions,
                ShowPart.Counts::unavailable)
                .thenApply(merged -> summaryOf(eventId, merged));
    }

    /** Every show with a known seat, with its counts by status: the console's show picker. */
    CompletableFuture<Reply> shows() {
        return gather(StoreNames.SHOW_SUMMARY,
                stores::allShowCounts,
                INTERNAL_SHOWS,
                body -> read(body, ShowPart.Counts.class),
                ShowPart.Counts::partitions,
                ShowPart.Counts::unavailable)
                .thenApply(ShowQueries::showList);
    }

    private static Reply showList(Merged<Map<String, Long>> merged) {
        if (!merged.known()) {
            return Problem.unavailable("The instances holding the shows are not known yet; retry shortly.");
        }
        Map<String, Map<String, Long>> byShow = new TreeMap<>();
        for (Map<String, Long> partition : merged.partitions().values()) {
            partition.forEach((key, count) -> {
                // key: eventId|section|status; sections may not contain the separator, ids never do
                int first = key.indexOf(StoreNames.KEY_SEPARATOR);
                int last = key.lastIndexOf(StoreNames.KEY_SEPARATOR);
                if (first <= 0 || last <= first || count == null) {
                    return;
                }
                Map<String, Long> counts = byShow.computeIfAbsent(key.substring(0, first), e -> emptyCounts());
                counts.merge(key.substring(last + 1), count, Long::sum);
                counts.merge("total", count, Long::sum);
            });
        }
        List<Map<String, Object>> shows = new ArrayList<>();
        byShow.forEach((eventId, counts) -> {
            Map<String, Object> show = new LinkedHashMap<>();
            show.put("eventId", eventId);
            show.put("totals", counts);
            shows.add(show);
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("complete", merged.missing().isEmpty());
        body.put("missingPartitions", merged.missing());
        body.put("shows", shows);
        return withCompleteness(Reply.json(200, body), merged);
    }

    /** What every member answered, each partition once, and which partitions are missing. */
    record Merged<T>(Map<Integer, T> partitions, Set<Integer> missing, boolean known) {
    }

    private <P, T> CompletableFuture<Merged<T>> gather(String store, Supplier<P> local, String path,
                                                       Function<byte[], P> parse,
                                                       Function<P, Map<Integer, T>> partitionsOf,
                                                       Function<P, Set<Integer>> unavailableOf) {
        List<Cluster.Member> members = cluster.members(store);
        List<CompletableFuture<Optional<P>>> answers = new ArrayList<>();
        for (Cluster.Member member : members) {
            CompletableFuture<P> answer = member.host().equals(cluster.self())
                    ? CompletableFuture.supplyAsync(local, workers)
                    // A bounded forward blocks its caller: the parts go out in parallel from workers.
                    : CompletableFuture.supplyAsync(() -> forwarder.get(member.host(), path, forwardTimeout), workers)
                    .thenCompose(reply -> reply).thenApply(reply -> {
                        if (reply.status() != 200) {
                            throw new IllegalStateException("instance answered " + reply.status());
                        }
                        return parse.apply(reply.body());
                    });
            answers.add(answer.thenApply(Optional::of).exceptionally(failure -> Optional.empty()));
        }
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<Integer, T> taken = new TreeMap<>();
            Set<Integer> unanswered = new TreeSet<>();
            for (int i = 0; i < members.size(); i++) {
                Optional<P> part = answers.get(i).join();
                if (part.isPresent()) {
                    partitionsOf.apply(part.get()).forEach(taken::putIfAbsent);
                    unanswered.addAll(unavailableOf.apply(part.get()));
                } else {
                    unanswered.addAll(members.get(i).activePartitions());
                }
            }
            unanswered.removeAll(taken.keySet());
            return new Merged<>(taken, unanswered, !members.isEmpty());
        });
    }

    private Reply seatPage(String eventId, SeatFilter filter, Merged<List<SeatView>> merged) {
        if (!merged.known()) {
            return Problem.unavailable("The instances holding this show are not known yet; retry shortly.");
        }
        List<SeatView> all = new ArrayList<>();
        merged.partitions().values().forEach(all::addAll);
        all.sort(Comparator.comparing(SeatView::seatId));
        if (all.isEmpty() && merged.missing().isEmpty() && !filter.narrows()) {
            return Problem.notFound("No seats are known for event '" + eventId + "'.");
        }
        if (all.isEmpty() && !merged.missing().isEmpty() && merged.partitions().isEmpty()) {
            return Problem.unavailable("No instance could answer for this show; retry shortly.");
        }
        List<SeatView> page = all.subList(0, Math.min(filter.limit(), all.size()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", eventId);
        body.put("complete", merged.missing().isEmpty());
        body.put("missingPartitions", merged.missing());
        body.put("count", page.size());
        body.put("seats", page);
        if (all.size() > filter.limit()) {
            body.put("nextCursor", page.get(page.size() - 1).seatId());
        }
        return withCompleteness(Reply.json(200, body), merged);
    }

    private Reply summaryOf(String eventId, Merged<Map<String, Long>> merged) {
        if (!merged.known()) {
            return Problem.unavailable("The instances holding this show are not known yet; retry shortly.");
        }
        Map<String, Map<String, Long>> sections = new TreeMap<>();
        Map<String, Long> totals = emptyCounts();
        String prefix = StoreNames.showPrefix(eventId);
        for (Map<String, Long> partition : merged.partitions().values()) {
            partition.forEach((key, count) -> {
                // key: section|status (the eventId| prefix is stripped by the store reader, but be tolerant)
                String rest = key.startsWith(prefix) ? key.substring(prefix.length()) : key;
                int bar = rest.lastIndexOf(StoreNames.KEY_SEPARATOR);
                if (bar <= 0 || count == null) {
                    return;
                }
                String section = rest.substring(0, bar);
                String status = rest.substring(bar + 1);
                Map<String, Long> counts = sections.computeIfAbsent(section, s -> emptyCounts());
                counts.merge(status, count, Long::sum);
                counts.merge("total", count, Long::sum);
                totals.merge(status, count, Long::sum);
                totals.merge("total", count, Long::sum);
            });
        }
        if (sections.isEmpty() && merged.missing().isEmpty()) {
            return Problem.notFound("No seats are known for event '" + eventId + "'.");
        }
        if (merged.partitions().isEmpty()) {
            return Problem.unavailable("No instance could answer for this show; retry shortly.");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", eventId);
        body.put("complete", merged.missing().isEmpty());
        body.put("missingPartitions", merged.missing());
        body.put("sections", sections);
        body.put("totals", totals);
        return withCompleteness(Reply.json(200, body), merged);
    }

    private static Map<String, Long> emptyCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (SeatStatus status : SeatStatus.values()) {
            counts.put(status.name(), 0L);
        }
        counts.put("total", 0L);
        return counts;
    }

    private static Reply withCompleteness(Reply reply, Merged<?> merged) {
        return reply.withHeader(QueryHeaders.COMPLETE, Boolean.toString(merged.missing().isEmpty()));
    }

    static String query(SeatFilter filter) {
        StringBuilder q = new StringBuilder("?limit=").append(filter.limit());
        if (filter.section() != null) {
            q.append("&section=").append(URLEncoder.encode(filter.section(), StandardCharsets.UTF_8));
        }
        if (filter.status() != null) {
            q.append("&status=").append(filter.status());
        }
        if (filter.after() != null) {
            q.append("&cursor=").append(filter.after());
        }
        return q.toString();
    }

    private <P> P read(byte[] body, Class<P> type) {
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
