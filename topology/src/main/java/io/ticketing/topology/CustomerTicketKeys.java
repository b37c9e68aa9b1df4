package io.ticketing.topology;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Keys of the customer-tickets view: {@code customerId|ticketId}, one entry per ticket, so a new
 * ticket is one small write (not a rewrite of the customer's whole list). Records are partitioned by
 * the customerId part alone, hashed exactly as Kafka's default partitioner hashes a String key, so
 * every ticket of a customer lands in one partition, where one prefix scan reads them all; the HTTP
 * layer locates that partition with the same {@link #PARTITIONER}.
 */
public final class CustomerTicketKeys {

    /** Partitions by the customerId before the first {@link StoreNames#KEY_SEPARATOR} (the whole key if none). */
    public static final StreamPartitioner<String, Object> PARTITIONER = (topic, key, value, numPartitions) ->
            Optional.of(Set.of(partitionOf(customerOf(key), numPartitions)));

    private CustomerTicketKeys() {
    }

    public static String key(String customerId, String ticketId) {
        return prefix(customerId) + ticketId;
    }

    /** Every ticket of {@code customerId}, and nothing else, has a key starting with this. */
    public static String prefix(String customerId) {
        return customerId + StoreNames.KEY_SEPARATOR;
    }

    static String customerOf(String key) {
        int separator = key.indexOf(StoreNames.KEY_SEPARATOR);
        return separator < 0 ? key : key.substring(0, separator);
    }

    static int partitionOf(String customerId, int numPartitions) {
        return Utils.toPositive(Utils.murmur2(customerId.getBytes(StandardCharsets.UTF_8))) % numPartitions;
    }
}
