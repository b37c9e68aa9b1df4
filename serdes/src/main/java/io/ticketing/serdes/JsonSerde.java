package io.ticketing.serdes;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** A Kafka serde for one Java type, as JSON through {@link Json#mapper()}. */
public final class JsonSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

    private final ObjectMapper mapper = Json.mapper();
    private final JavaType type;

    private JsonSerde(JavaType type) {
        this.type = type;
    }

    public static <T> JsonSerde<T> of(Class<T> type) {
        return new JsonSerde<>(Json.mapper().constructType(type));
    }

    public static <T> JsonSerde<T> of(TypeReference<T> type) {
        return new JsonSerde<>(Json.mapper().getTypeFactory().constructType(type));
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
