package io.ticketing.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Answers a key wherever it lives: here, or on the instance that owns it (one hop, the caller never
 * sees it). When the owner cannot answer (rebalancing, gone), a standby replica answers, marked
 * stale; when there is none, the answer is "unavailable" (503 + Retry-After). Every path is bounded:
 * each hop by the forward timeout (plus the long-poll's own timeout).
 */
final class KeyLookup {

    /** The internal route answering one key from the receiving instance's stores. */
    static final String INTERNAL_PATH = "/internal/keys/";
    /** On the internal route: the key's partition, as the asking instance's metadata said. */
    static final String PARTITION_PARAM = "partition";

    private final Cluster cluster;
    private final LocalLookup local;
    private final Forwarder forwarder;
    private final Duration forwardTimeout;
    private final QueryMetrics metrics;

    KeyLookup(Cluster cluster, LocalLookup local, Forwarder forwarder, Duration forwardTimeout, QueryMetrics metrics) {
        this.cluster = cluster;
        this.local = local;
        this.forwarder = forwarder;
        this.forwardTimeout = forwardTimeout;
        this.metrics = metrics;
    }

    /** Answers from wherever the key lives: here, its owner, or a standby. */
    CompletableFuture<Lookup> find(String store, String key, Optional<WaitFor> wait) {
        KeyLocation location = cluster.locate(store, key);
        if (!location.known()) {
            // No assignment to route by (starting, rebalancing): any local replica may still hold it.
            return countUnavailable(counted(
                    local.lookup(store, key, KeyLocation.UNKNOWN_PARTITION, Optional.empty()), QueryMetrics.Served.STALE));
        }
        HostInfo owner = location.active().orElseThrow();
        CompletableFuture<Lookup> first = owner.equals(cluster.self())
                ? counted(local.lookup(store, key, location.partition(), wait), QueryMetrics.Served.LOCAL)
                : counted(ask(owner, store, key, location.partition(), wait), QueryMetrics.Served.FORWARDED);
        return countUnavailable(first.thenCompose(answer -> answer.settled()
                ? CompletableFuture.completedFuture(answer)
                : fromStandbys(store, key, location)));
    }

    /**
     * Answers from this instance's own stores only (a forwarded request: never forwarded again).
     *
     * @param partition the key's partition when the asking instance named it: the metadata lookup
     *                  was already done there and is not repeated here
     */
    CompletableFuture<Lookup> findHere(String store, String key, OptionalInt partition, Optional<WaitFor> wait) {
        int known = partition.isPresent() ? partition.getAsInt() : cluster.locate(store, key).partition();
        return counted(local.lookup(store, key, known, wait), QueryMetrics.Served.LOCAL);
    }

    /** Tries each standby in turn; the first settled answer wins. */
    private CompletableFuture<Lookup> fromStandbys(String store, String key, KeyLocation location) {
        List<HostInfo> replicas = new ArrayList<>(location.standbys());
        // Our own replica first: no hop.
        if (replicas.remove(cluster.self())) {
            replicas.add(0, cluster.self());
        }
        CompletableFuture<Lookup> chain = CompletableFuture.completedFuture(Lookup.unavailable());
        for (HostInfo replica : replicas) {
            chain = chain.thenCompose(previous -> previous.settled()
                    ? CompletableFuture.completedFuture(previous)
                    : replica.equals(cluster.self())
                    ? counted(local.lookup(store, key, location.partition(), Optional.empty()), QueryMetrics.Served.LOCAL)
                    : counted(ask(replica, store, key, location.partition(), Optional.empty()), QueryMetrics.Served.FORWARDED));
        }
        return chain;
    }

    private CompletableFuture<Lookup> countUnavailable(CompletableFuture<Lookup> answer) {
        return answer.whenComplete((lookup, error) -> {
            if (lookup == null || !lookup.settled()) {
                metrics.lookup(QueryMetrics.Served.UNAVAILABLE);
            }
        });
    }

    private CompletableFuture<Lookup> ask(HostInfo host, String store, String key, int partition, Optional<WaitFor> wait) {
        String path = INTERNAL_PATH + store + "/" + key + "?" + PARTITION_PARAM + "=" + partition
                + wait.map(w -> "&" + w.toQuery()).orElse("");
        Duration bound = wait.map(w -> forwardTimeout.plus(w.timeout())).orElse(forwardTimeout);
        return forwarder.get(host, path, bound)
                .thenApply(Lookup::fromReply)
                // Unreachable or too slow: as good as rebalancing, let a replica answer.
                .exceptionally(failure -> Lookup.unavailable());
    }

    private CompletableFuture<Lookup> counted(CompletableFuture<Lookup> answer, QueryMetrics.Served served) {
        return answer.whenComplete((lookup, error) -> {
            if (lookup != null && lookup.settled()) {
                metrics.lookup(lookup.stale() ? QueryMetrics.Served.STALE : served);
            }
        });
    }
}
