package io.ticketing.query;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.state.HostInfo;

/** A cluster whose assignment the test sets: one location per store, and the members of show stores. */
final class FakeCluster implements Cluster {

    volatile HostInfo self = new HostInfo("localhost", 1);
    final Map<String, KeyLocation> locations = new ConcurrentHashMap<>();
    final List<Member> members = new CopyOnWriteArrayList<>();
    /** How often the metadata was asked where a key lives. */
    final AtomicInteger locates = new AtomicInteger();

    @Override
    public HostInfo self() {
        return self;
    }

    @Override
    public KeyLocation locate(String store, String key) {
        locates.incrementAndGet();
        return locations.getOrDefault(store, KeyLocation.unknown());
    }

    @Override
    public List<Member> members(String store) {
        return members;
    }
}
