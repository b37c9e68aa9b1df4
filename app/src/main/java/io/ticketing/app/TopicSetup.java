package io.ticketing.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the topics exist before the streams client starts (CONTRACT §1). Output, dead-letter
 * and view topics belong to this app, so it creates them. Input topics belong to the upstream services: the
 * app names the missing ones and waits for them, rather than letting Kafka Streams fail or hang
 * silently; with the embedded broker it plays upstream and creates them.
 */
final class TopicSetup {

    private static final Logger log = LoggerFactory.getLogger(TopicSetup.class);
    static final Duration WAIT_LOG_INTERVAL = Duration.ofSeconds(5);
    private static final Duration METADATA_WAIT = Duration.ofSeconds(30);

    private final Admin admin;
    private final int partitions;
    private final Optional<Short> replication;

    TopicSetup(Admin admin, int partitions, Optional<Short> replication) {
        this.admin = admin;
        this.partitions = partitions;
        this.replication = replication;
    }

    /**
     * Blocks until the cluster answers, saying so every few seconds (a broker that is still starting,
     * or a wrong address, is then visible in the log rather than a silent hang).
     *
     * @return false if {@code stillWanted} turned false first
     */
    boolean awaitBroker(String bootstrapServers, BooleanSupplier stillWanted) throws InterruptedException {
        while (stillWanted.getAsBoolean()) {
            long until = System.nanoTime() + WAIT_LOG_INTERVAL.toNanos();
            try {
                admin.describeCluster().clusterId().get(WAIT_LOG_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
                return true;
            } catch (ExecutionException | TimeoutException e) {
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                log.warn("Kafka at {} does not answer yet ({}); retrying every {} s", bootstrapServers,
                        cause.toString(), WAIT_LOG_INTERVAL.toSeconds());
            }
            pauseUntil(until, stillWanted);
        }
        return false;
    }

    private static void pauseUntil(long nanoTime, BooleanSupplier stillWanted) throws InterruptedException {
        while (stillWanted.getAsBoolean() && System.nanoTime() < nanoTime) {
            Thread.sleep(100);
        }
    }

    void createIfMissing(List<String> topics) throws InterruptedException {
        createIfMissing(topics, Map.of());
    }

    /**
     * The view topics: compacted, because each is the changelog of a query store and a view is its
     * latest value per key (a purged view is a tombstone, gone at the next compaction).
     */
    void createCompactedIfMissing(List<String> topics) throws InterruptedException {
        createIfMissing(topics, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }

    /**
     * The two routing topics (docs/design.md, "Routing"), partitioned like the router's tasks: as many
     * partitions as the input topic that has most. {@code routeNotices} is read by the router's tasks
     * beside {@code reservation-commands}, so it must be partitioned alike; it keeps what it is told for
     * {@code retention}, far beyond any time the app would take to read it. {@code routes} is the router
     * store's changelog, which Kafka Streams would create itself, but only after the global route index that
     * reads it has started: created here first, compacted, as Kafka Streams makes its changelogs. An
     * existing one with another partition count is refused by name.
     */
    void createRoutingTopicsIfMissing(List<String> inputs, String routeNotices, String routes, Duration retention)
            throws InterruptedException {
        int routerTasks = maxPartitions(inputs);
        createIfMissing(List.of(routeNotices), routerTasks,
                Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retention.toMillis())));
        createIfMissing(List.of(routes), routerTasks,
                Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        for (String topic : List.of(routeNotices, routes)) {
            int found = maxPartitions(List.of(topic));
            if (found != routerTasks) {
                throw new IllegalStateException("topic " + topic + " has " + found + " partitions, but the input topics "
                        + "have up to " + routerTasks + ": delete it (it is rebuilt from the app's state) or "
                        + "reset the application");
            }
        }
    }

    /** A topic just created may not be known to every broker yet: asked again for a while. */
    private int maxPartitions(List<String> topics) throws InterruptedException {
        long deadline = System.nanoTime() + METADATA_WAIT.toNanos();
        while (true) {
            try {
                return admin.describeTopics(topics).allTopicNames().get().values().stream()
                        .mapToInt(d -> d.partitions().size()).max().orElseThrow();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot describe topics " + topics + ": "
                            + e.getCause().getMessage(), e.getCause());
                }
                Thread.sleep(100);
            }
        }
    }

    private void createIfMissing(List<String> topics, Map<String, String> configs) throws InterruptedException {
        createIfMissing(topics, partitions, configs);
    }

    private void createIfMissing(List<String> topics, int partitions, Map<String, String> configs)
            throws InterruptedException {
        List<NewTopic> missing = new ArrayList<>();
        for (String topic : missing(topics)) {
            missing.add(new NewTopic(topic, Optional.of(partitions), replication).configs(configs));
        }
        if (missing.isEmpty()) {
            return;
        }
        admin.createTopics(missing).values().forEach((topic, future) -> {
            try {
                future.get();
                log.info("created topic {} ({} partitions)", topic, partitions);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create topic " + topic + ": " + e.getCause().getMessage(),
                            e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while creating topic " + topic, e);
            }
        });
    }

    /**
     * Blocks until every topic exists, saying which are missing every few seconds.
     *
     * @return false if {@code stillWanted} turned false first (the app is shutting down)
     */
    boolean awaitExisting(List<String> topics, BooleanSupplier stillWanted) throws InterruptedException {
        while (stillWanted.getAsBoolean()) {
            List<String> missing = missing(topics);
            if (missing.isEmpty()) {
                return true;
            }
            log.warn("waiting for input topic(s) {} to be created by the upstream services (checking every {} s)",
                    missing, WAIT_LOG_INTERVAL.toSeconds());
            pauseUntil(System.nanoTime() + WAIT_LOG_INTERVAL.toNanos(), stillWanted);
        }
        return false;
    }

    private List<String> missing(List<String> topics) throws InterruptedException {
        Set<String> existing;
        try {
            existing = admin.listTopics().names().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list topics: " + e.getCause().getMessage(), e.getCause());
        }
        List<String> missing = new ArrayList<>(topics);
        missing.removeAll(existing);
        return missing;
    }
}
