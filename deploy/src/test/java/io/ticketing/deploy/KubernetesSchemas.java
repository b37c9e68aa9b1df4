package io.ticketing.deploy;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Kubernetes API's JSON schemas, offline: read from the fabric8 model jars on the test class
 * path (each carries {@code schema/validation-schema.json}; apps has the core kinds too, policy
 * the PodDisruptionBudget), made strict by {@link StrictSchema}. A resource is checked against the
 * definition whose {@code apiVersion} and {@code kind} defaults are the resource's own.
 */
final class KubernetesSchemas {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

    private final ObjectNode definitions;
    private final Map<String, Schema> byKind = new HashMap<>();

    private KubernetesSchemas(ObjectNode definitions) {
        this.definitions = definitions;
    }

    static KubernetesSchemas fromClassPath() {
        ObjectNode merged = JSON.createObjectNode();
        try {
            for (URL url : Collections.list(KubernetesSchemas.class.getClassLoader()
                    .getResources("schema/validation-schema.json"))) {
                try (InputStream in = url.openStream()) {
                    merged.setAll(StrictSchema.definitions(JSON.readTree(in)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (merged.isEmpty()) {
            throw new IllegalStateException("no schema/validation-schema.json on the class path");
        }
        return new KubernetesSchemas(merged);
    }

    /** The schema errors of one resource; empty when it is valid. */
    List<String> problems(JsonNode resource) {
        String apiVersion = resource.path("apiVersion").asString("");
        String kind = resource.path("kind").asString("");
        Optional<String> definition = definitionOf(apiVersion, kind);
        if (definition.isEmpty()) {
            return List.of("no schema for apiVersion '" + apiVersion + "' kind '" + kind + "'");
        }
        Schema schema = byKind.computeIfAbsent(apiVersion + "/" + kind, key -> REGISTRY.getSchema(
                JSON.writeValueAsString(StrictSchema.forDefinition(definitions, definition.get())), InputFormat.JSON));
        return schema.validate(resource).stream().map(Error::toString).toList();
    }

    Optional<String> definitionOf(String apiVersion, String kind) {
        for (Map.Entry<String, JsonNode> definition : definitions.properties()) {
            JsonNode properties = definition.getValue().path("properties");
            if (properties.path("kind").path("default").asString("").equals(kind)
                    && properties.path("apiVersion").path("default").asString("").equals(apiVersion)) {
                return Optional.of(definition.getKey());
            }
        }
        return Optional.empty();
    }
}
