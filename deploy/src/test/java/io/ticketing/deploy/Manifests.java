package io.ticketing.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * deploy/k8s rendered as {@code kubectl apply -k} would send it: the resources its
 * kustomization.yaml lists, in order (it lists files only: no patches, generators or name changes,
 * so rendering is reading them).
 */
record Manifests(Path dir, List<String> files, List<JsonNode> resources) {

    static final ObjectMapper YAML = YAMLMapper.builder().build();

    /** This module's k8s/ (tests run in the module's directory). */
    static Manifests load() {
        return load(Path.of("k8s"));
    }

    static Manifests load(Path dir) {
        JsonNode kustomization = read(dir.resolve("kustomization.yaml"));
        List<String> files = new ArrayList<>();
        kustomization.path("resources").forEach(file -> files.add(file.asString()));
        List<JsonNode> resources = files.stream().map(file -> read(dir.resolve(file))).toList();
        return new Manifests(dir, List.copyOf(files), resources);
    }

    /** Every YAML file in the directory but the kustomization itself. */
    List<String> yamlFilesInDir() {
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml") || name.endsWith(".yml"))
                    .filter(name -> !name.equals("kustomization.yaml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode one(String kind, String name) {
        return resources.stream()
                .filter(r -> r.path("kind").asString("").equals(kind))
                .filter(r -> r.path("metadata").path("name").asString("").equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + files));
    }

    List<JsonNode> all(String kind) {
        return resources.stream().filter(r -> r.path("kind").asString("").equals(kind)).toList();
    }

    static JsonNode read(Path file) {
        try {
            return YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
