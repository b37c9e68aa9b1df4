package io.ticketing.serdes;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The JSON configurations of the service.
 *
 * <p>{@link #mapper()} is the wire format, for everything another service or a person reads (input
 * and output topics, HTTP): a tolerant reader (unknown fields ignored, any ISO-8601 offset accepted)
 * and a strict writer (UTC instants with {@code Z}, money as plain decimals).
 *
 * <p>{@link #internalMapper()} is for what only this service reads back: state store values and
 * internal (repartition) topics. The same JSON, except that instants are written as decimal epoch
 * seconds with nanoseconds ({@code 1772656200.123456789}) instead of ISO-8601 text: parsing and
 * formatting ISO dates was 14 % of the stream thread's CPU (docs/benchmarks.md §1, profile), and
 * every internal record and store value carries several. It still reads ISO-8601 text, so state and
 * repartition records written before this change stay readable.
 */
public final class Json {

    private static final ObjectMapper MAPPER = base(new IsoInstantDeserializer())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private static final ObjectMapper INTERNAL = base(new InternalInstantDeserializer())
            .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
            .build();

    private static JsonMapper.Builder base(StdScalarDeserializer<Instant> instants) {
        return JsonMapper.builder()
            .addModule(new JavaTimeModule())
            // Registered after JavaTimeModule so that ours win: strict instants, scale-keeping money.
            .addModule(new SimpleModule("ticketing-wire-formats")
                    .addDeserializer(Instant.class, instants)
                    .addDeserializer(BigDecimal.class, new MoneyDeserializer()))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .serializationInclusion(JsonInclude.Include.NON_NULL);
    }

    private Json() {
    }

    /** Thread-safe once configured; share it rather than building another. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** State stores and internal topics only: never for a record or an answer another service reads. */
    public static ObjectMapper internalMapper() {
        return INTERNAL;
    }
}
