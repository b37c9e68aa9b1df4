package io.ticketing.query;

import io.ticketing.serdes.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.kafka.streams.state.HostInfo;

/** The ops view: every instance's {@link InstanceOps.Snapshot}, each asked in parallel. */
final class OpsQueries {

    static final String INTERNAL_PATH = "/internal/ops";

    private final Cluster cluster;
    private final InstanceOps local;
    private final Forwarder forwarder;
    private final Duration forwardTimeout;
    private final Executor workers;

    OpsQueries(Cluster cluster, InstanceOps local, Forwarder forwarder, Duration forwardTimeout, Executor workers) {
        this.cluster = cluster;
        this.local = local;
        this.forwarder = forwarder;
        this.forwardTimeout = forwardTimeout;
        this.workers = workers;
    }

    CompletableFuture<Reply> here() {
        return CompletableFuture.supplyAsync(() -> Reply.json(200, local.snapshot()), workers);
    }

    CompletableFuture<Reply> instances() {
        List<HostInfo> hosts = hosts();
        List<CompletableFuture<Map<String, Object>>> answers = new ArrayList<>();
        for (HostInfo host : hosts) {
            CompletableFuture<Map<String, Object>> answer = host.equals(cluster.self())
                    ? CompletableFuture.supplyAsync(() -> asMap(local.snapshot()), workers)
                    : CompletableFuture.supplyAsync(() -> forwarder.get(host, INTERNAL_PATH, forwardTimeout), workers)
                    .thenCompose(reply -> reply).thenApply(OpsQueries::parse);
            // An instance that does not answer is listed as such rather than left out.
            answers.add(answer.exceptionally(failure -> unreachable(host)));
        }
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<Map<String, Object>> instances = answers.stream().map(CompletableFuture::join).toList();
            return Reply.json(200, Map.of("instances", instances));
        });
    }

    /** This instance and every instance that hosts a query store. */
    private List<HostInfo> hosts() {
        Set<HostInfo> hosts = new LinkedHashSet<>();
        hosts.add(cluster.self());
        for (String store : StreamsLocalStores.QUERY_STORES) {
            cluster.members(store).forEach(member -> hosts.add(member.host()));
        }
        return new ArrayList<>(hosts);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(InstanceOps.Snapshot snapshot) {
        return Json.mapper().convertValue(snapshot, Map.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(Reply reply) {
        if (reply.status() != 200) {
            throw new IllegalStateException("instance answered " + reply.status());
        }
        try {
            return Json.mapper().readValue(reply.body(), Map.class);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable answer", e);
        }
    }

    private static Map<String, Object> unreachable(HostInfo host) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("instance", host.host() + ":" + host.port());
        m.put("state", "UNREACHABLE");
        return m;
    }
}
