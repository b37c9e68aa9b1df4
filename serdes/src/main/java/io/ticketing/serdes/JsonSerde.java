package io.ticketing.serdes;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka serde for one Java type, as JSON: {@link #of} in the wire format ({@link Json#mapper()}) for
 * records other services read, {@link #internal} in the internal format ({@link Json#internalMapper()})
 * for state stores and repartition topics.
 */
public final class JsonSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

    private final ObjectMapper mapper;
    private final JavaType type;

    private JsonSerde(ObjectMapper mapper, JavaType type) {
        this.mapper = mapper;
        this.type = type;
    }

    public static <T> JsonSerde<T> of(Class<T> type) {
        return new JsonSerde<>(Json.mapper(), Json.mapper().constructType(type));
    }

    public static <T> JsonSerde<T> of(TypeReference<T> type) {
        return new JsonSerde<>(Json.mapper(), Json.mapper().getTypeFactory().constructType(type));
    }

    /** State stores and internal topics: instants as epoch decimals (see {@link Json#internalMapper()}). */
    public static <T> JsonSerde<T> internal(Class<T> type) {
        return new JsonSerde<>(Json.internalMapper(), Json.internalMapper().constructType(type));
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        try {
            return mapper.writeValueAsBytes(data);
        } catch (IOException e) {
            throw new SerializationException("cannot write " + type + " as JSON", e);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return mapper.readValue(data, type);
        } catch (IOException e) {
            throw new SerializationException("cannot read " + type + " from JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }

    @Override
    public void configure(java.util.Map<String, ?> configs, boolean isKey) {
        // nothing to configure: one JSON dialect for the whole service
    }

    @Override
    public void close() {
        // nothing to release: the mapper is shared
    }
}
