package io.ticketing.serdes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** The seed's JSON examples (test resources under {@code seed/}, pasted verbatim), and edited copies of them. */
final class Examples {

    static final String RESERVATION_CREATED = "reservation-created.json";
    static final String RESERVATION_EXPIRED = "reservation-expired.json";
    static final String PAYMENT_SUCCEEDED = "payment-succeeded.json";
    static final String PAYMENT_FAILED = "payment-failed.json";
    static final String TICKET_ISSUED = "ticket-issued.json";
    /** The seed's "Event Versioning" snippet: a sketch with "..." placeholders, not a JSON document. */
    static final String VERSIONING_SKETCH = "event-versioning-sketch.json";

    private Examples() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Examples.class.getResourceAsStream("/seed/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource seed/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), java.nio.charset.StandardCharsets.UTF_8);
    }

    static ObjectNode tree(String name) {
        try {
            return (ObjectNode) Json.mapper().readTree(bytes(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The named example as bytes after {@code edit} changed its JSON tree. */
    static byte[] edited(String name, Consumer<ObjectNode> edit) {
        ObjectNode node = tree(name);
        edit.accept(node);
        try {
            return Json.mapper().writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
