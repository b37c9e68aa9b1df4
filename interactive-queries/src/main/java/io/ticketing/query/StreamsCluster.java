package io.ticketing.query;

import io.ticketing.topology.CustomerTicketKeys;
import io.ticketing.topology.StoreNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.state.HostInfo;

/** {@link Cluster} from the streams client's own view of the group's assignment. */
final class StreamsCluster implements Cluster {

    private final KafkaStreams streams;
    private final HostInfo self;

    StreamsCluster(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    @Override
    public HostInfo self() {
        return self;
    }

    @Override
    public KeyLocation locate(String store, String key) {
        KeyQueryMetadata metadata;
        try {
            // A customer's tickets are partitioned by the customerId part of their keys (CustomerTicketKeys).
            metadata = StoreNames.CUSTOMER_TICKETS.equals(store)
                    ? streams.queryMetadataForKey(store, key, CustomerTicketKeys.PARTITIONER)
                    : streams.queryMetadataForKey(store, key, Serdes.String().serializer());
        } catch (StreamsException | IllegalStateException notStartedOrMoving) {
            return KeyLocation.unknown();
        }
        if (metadata == null || metadata.equals(KeyQueryMetadata.NOT_AVAILABLE)
                || metadata.activeHost() == null || metadata.activeHost().equals(HostInfo.unavailable())) {
            return KeyLocation.unknown();
        }
        return new KeyLocation(metadata.partition(), Optional.of(metadata.activeHost()),
                new ArrayList<>(metadata.standbyHosts()));
    }

    @Override
    public List<Member> members(String store) {
        try {
            return streams.streamsMetadataForStore(store).stream()
                    .filter(m -> !m.hostInfo().equals(HostInfo.unavailable()))
                    .map(m -> new Member(m.hostInfo(), partitionsOf(m)))
                    .collect(Collectors.toList());
        } catch (StreamsException | IllegalStateException notStarted) {
            return List.of();
        }
    }

    private static Set<Integer> partitionsOf(StreamsMetadata metadata) {
        return metadata.topicPartitions().stream().map(TopicPartition::partition).collect(Collectors.toSet());
    }
}
