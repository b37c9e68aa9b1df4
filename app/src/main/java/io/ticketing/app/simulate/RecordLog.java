package io.ticketing.app.simulate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ticketing.serdes.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * {@code --record FILE}: one JSON line per record the broker acknowledged, for the invariant checker.
 * <pre>
 * {"topic":"payment-succeeded","partition":3,"offset":41,"key":"…"|null,"value":{…}}
 * {"topic":"payment-failed","partition":0,"offset":7,"key":…,"poison":"wrong-status","valueBase64":"…"}
 * </pre>
 * A good record's {@code value} is its JSON; a poison record carries {@code poison} (what is wrong
 * with it) and its exact bytes in {@code valueBase64}, since they need not be JSON.
 */
final class RecordLog implements AutoCloseable {

    private final ObjectMapper json = Json.mapper();
    private final BufferedWriter writer;

    RecordLog(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the record file " + file, e);
        }
    }

    /** Called from the producer's callback thread and at close: hence synchronized. */
    synchronized void write(OutgoingRecord record, RecordMetadata metadata) {
        ObjectNode line = json.createObjectNode();
        line.put("topic", record.topic());
        line.put("partition", metadata.partition());
        line.put("offset", metadata.offset());
        line.put("key", record.key());
        try {
            if (record.poison()) {
                line.put("poison", record.poisonKind());
                line.put("valueBase64", Base64.getEncoder().encodeToString(record.value()));
            } else {
                line.set("value", json.readTree(record.value()));
            }
            writer.write(json.writeValueAsString(line));
            writer.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the record file", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the record file", e);
        }
    }
}
