package io.ticketing.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Every resource of deploy/k8s is valid against the Kubernetes API's schema, strictly (no network). */
class KubernetesSchemaTest {

    static KubernetesSchemas schemas;
    static Manifests manifests;

    @BeforeAll
    static void load() {
        schemas = KubernetesSchemas.fromClassPath();
        manifests = Manifests.load();
    }

    @Test
    void theKustomizationListsEveryManifestInTheDirectory() {
        assertThat(manifests.files()).containsExactlyInAnyOrderElementsOf(manifests.yamlFilesInDir());
    }

    @Test
    void everyResourceIsValidAgainstTheApiSchema() {
        assertThat(manifests.resources()).hasSizeGreaterThanOrEqualTo(5);
        for (int i = 0; i < manifests.resources().size(); i++) {
            JsonNode resource = manifests.resources().get(i);
            assertThat(schemas.problems(resource)).as(manifests.files().get(i)).isEmpty();
        }
    }

    @Test
    void theSchemaCatchesAMisspeltFieldAWrongTypeAndAnUnknownKind() {
        JsonNode statefulSet = manifests.one("StatefulSet", "ticketing");

        ObjectNode misspelt = (ObjectNode) statefulSet.deepCopy();
        ObjectNode container = (ObjectNode) misspelt.path("spec").path("template").path("spec").path("containers").get(0);
        container.set("readinesProbe", container.remove("readinessProbe"));
        assertThat(schemas.problems(misspelt)).anySatisfy(p -> assertThat(p).contains("readinesProbe"));

        ObjectNode wrongType = (ObjectNode) statefulSet.deepCopy();
        ((ObjectNode) wrongType.path("spec")).put("replicas", "three");
        assertThat(schemas.problems(wrongType)).anySatisfy(p -> assertThat(p).contains("replicas"));

        ObjectNode badQuantity = (ObjectNode) statefulSet.deepCopy();
        ((ObjectNode) badQuantity.path("spec").path("template").path("spec").path("containers").get(0)
                .path("resources").path("requests")).putObject("memory");
        assertThat(schemas.problems(badQuantity)).anySatisfy(p -> assertThat(p).contains("memory"));

        ObjectNode unknownVersion = (ObjectNode) statefulSet.deepCopy();
        unknownVersion.put("apiVersion", "apps/v2");
        assertThat(schemas.problems(unknownVersion)).singleElement().asString().contains("no schema");
    }
}
