package io.ticketing.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * fabric8's Kubernetes JSON schema (generated from its Java model) made into a strict check of
 * YAML manifests, as {@code kubeconform -strict} checks against the API's own schema:
 *
 * <ul>
 *   <li>an object with known properties admits no others (a misspelt {@code readinesProbe} fails
 *       instead of being ignored by the API server);</li>
 *   <li>{@code "required": true} on a property (draft 3's form, ignored by draft 7) becomes the
 *       object's {@code required} list;</li>
 *   <li>Quantity and IntOrString are what they are on the wire (a string or a number) rather than
 *       the Java classes that hold them;</li>
 *   <li>the generator's Java hints ({@code javaType}, {@code existingJavaType}, …) go.</li>
 * </ul>
 *
 * A pure function of the schema document.
 */
final class StrictSchema {

    static final String QUANTITY = "k8s_io_apimachinery_pkg_api_resource_Quantity";
    static final String INT_OR_STRING = "kubernetes_apimachinery_pkg_util_intstr_IntOrString";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StrictSchema() {
    }

    /** The definitions of {@code fabric8Schema}, strict; the document itself is not changed. */
    static ObjectNode definitions(JsonNode fabric8Schema) {
        ObjectNode definitions = ((ObjectNode) fabric8Schema.get("definitions")).deepCopy();
        for (Map.Entry<String, JsonNode> definition : definitions.properties()) {
            strict(definition.getValue());
        }
        definitions.set(QUANTITY, types("string", "number"));
        definitions.set(INT_OR_STRING, types("integer", "string"));
        return definitions;
    }

    /**
     * A draft-07 schema that accepts one resource of the kind whose definition is {@code name},
     * with every definition beside it for its references.
     */
    static ObjectNode forDefinition(ObjectNode definitions, String name) {
        ObjectNode schema = NODES.objectNode();
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        schema.putArray("allOf").addObject().put("$ref", "#/definitions/" + name);
        schema.set("definitions", definitions);
        return schema;
    }

    private static void strict(JsonNode node) {
        if (node instanceof ArrayNode array) {
            array.forEach(StrictSchema::strict);
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        List<String> javaHints = new ArrayList<>();
        object.propertyNames().forEach(key -> {
            if (key.startsWith("java") || key.equals("existingJavaType")) {
                javaHints.add(key);
            }
        });
        object.remove(javaHints);
        if (object.path("required").isBoolean()) {
            object.remove("required");
        }
        JsonNode properties = object.get("properties");
        if (properties instanceof ObjectNode props) {
            ArrayNode required = NODES.arrayNode();
            for (Map.Entry<String, JsonNode> property : props.properties()) {
                if (property.getValue().path("required").asBoolean(false)) {
                    required.add(property.getKey());
                }
                strict(property.getValue());
            }
            if (!required.isEmpty()) {
                object.set("required", required);
            }
            if (object.path("additionalProperties").isBoolean()) {
                object.put("additionalProperties", false);
            }
        }
        for (String child : List.of("items", "additionalProperties")) {
            if (object.get(child) instanceof ObjectNode) {
                strict(object.get(child));
            }
        }
    }

    private static ObjectNode types(String... types) {
        ObjectNode schema = NODES.objectNode();
        ArrayNode list = schema.putArray("type");
        for (String type : types) {
            list.add(type);
        }
        return schema;
    }
}
