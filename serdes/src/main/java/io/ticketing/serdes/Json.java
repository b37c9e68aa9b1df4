package io.ticketing.serdes;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.smile.databind.SmileMapper;
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
 * <p>{@link #internalMapper()} is for what only this service reads back: state store values, internal
 * (repartition) topics and the view topics. The same data model in Smile, Jackson's binary JSON: field
 * names kept (so a field added to a stored record reads as absent from older values, and a removed
 * one is ignored, exactly as with JSON), numbers and repeated names in binary, no text to scan
 * (docs/benchmarks.md §1 has what it saves). Instants are decimal epoch seconds with nanoseconds,
 * not ISO-8601 text: formatting and parsing dates was 14 % of the stream thread. ISO text is still
 * read, for values written by hand.
 */
public final class Json {

    private static final ObjectMapper MAPPER = base(JsonMapper.builder(), new IsoInstantDeserializer())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private static final ObjectMapper INTERNAL = base(SmileMapper.builder(), new InternalInstantDeserializer())
            .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
            .build();

    private static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B base(B builder,
            StdScalarDeserializer<Instant> instants) {
        return builder
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
