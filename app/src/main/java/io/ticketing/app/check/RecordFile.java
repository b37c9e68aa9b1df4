package io.ticketing.app.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ticketing.serdes.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The simulator's {@code --record} file: one JSON line per acknowledged record, good ones with their
 * JSON {@code value}, poison ones with {@code poison} and their exact bytes in {@code valueBase64}.
 * A torn last line (the simulator was killed mid-write) is skipped.
 */
final class RecordFile {

    private RecordFile() {
    }

    static List<TopicRecord> read(Path file) {
        ObjectMapper json = Json.mapper();
        List<TopicRecord> records = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = json.readTree(line);
                } catch (IOException torn) {
                    continue;
                }
                String poison = node.hasNonNull("poison") ? node.get("poison").asText() : null;
                byte[] value = poison != null
                        ? Base64.getDecoder().decode(node.path("valueBase64").asText(""))
                        : json.writeValueAsBytes(node.get("value"));
                String key = node.hasNonNull("key") ? node.get("key").asText() : null;
                records.add(new TopicRecord(node.path("topic").asText(), node.path("partition").asInt(),
                        node.path("offset").asLong(), TopicRecord.bytes(key), value, Map.of(), poison));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the record file " + file, e);
        }
        return records;
    }
}
