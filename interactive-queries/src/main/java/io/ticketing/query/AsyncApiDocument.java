package io.ticketing.query;

import io.ticketing.events.PaymentFailed;
import io.ticketing.events.PaymentSucceeded;
import io.ticketing.events.RefundRequested;
import io.ticketing.events.ReservationCreated;
import io.ticketing.events.ReservationExpired;
import io.ticketing.events.TicketIssued;
import io.ticketing.topology.TopicNames;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /asyncapi.json}: the topics this service reads and writes, as an AsyncAPI 3.0 document.
 * Each message's payload schema is derived from its event record's components, so the document
 * follows the records the serdes read and write. Operations are from the service's side: it
 * receives the upstream topics and sends its outputs.
 */
final class AsyncApiDocument {

    /** One topic: its record (null: raw bytes), the key it carries, and what this service does with it. */
    private record Channel(String id, String topic, Class<? extends Record> payload, String key, boolean receives,
                           boolean sends, String description) {
    }

    private AsyncApiDocument() {
    }

    static Map<String, Object> of(TopicNames topics) {
        List<Channel> channels = List.of(
                new Channel("reservationCreated", topics.reservationCreated(), ReservationCreated.class,
                        "any (the seat, a random id, or none): the value names the reservation", true, false,
                        "Upstream Inventory: a seat held for a customer until expiresAt."),
                new Channel("reservationExpired", topics.reservationExpired(), ReservationExpired.class,
                        "reservationId (ours); any upstream", true, true,
                        "Upstream Inventory, and this service's own expiries when neither an expiry nor a payment came in time."),
                new Channel("paymentSucceeded", topics.paymentSucceeded(), PaymentSucceeded.class,
                        "any", true, false, "Upstream Payment: money taken for a reservation."),
                new Channel("paymentFailed", topics.paymentFailed(), PaymentFailed.class,
                        "any", true, false, "Upstream Payment: a payment attempt that failed."),
                new Channel("ticketIssued", topics.ticketIssued(), TicketIssued.class,
                        "orderId", false, true, "One ticket per paid reservation (read with isolation.level=read_committed)."),
                new Channel("refundRequested", topics.refundRequested(), RefundRequested.class,
                        "orderId", false, true,
                        "A payment that cannot be honoured (reason: expired, duplicate-payment, seat-taken, ...); consumers must be idempotent by paymentId."),
                new Channel("deadLetter", topics.deadLetter(), null,
                        "the original record's key bytes", false, true,
                        "Input records that could not be applied: original key, value and headers, plus headers naming the topic, partition, offset, error class and reason."));

        Map<String, Object> channelMap = new LinkedHashMap<>();
        Map<String, Object> operations = new LinkedHashMap<>();
        Map<String, Object> messages = new LinkedHashMap<>();
        Map<String, Object> schemas = new LinkedHashMap<>();
        for (Channel c : channels) {
            String message = c.payload() == null ? "DeadLetteredRecord" : c.payload().getSimpleName();
            channelMap.put(c.id(), Map.of(
                    "address", c.topic(),
                    "description", c.description(),
                    "messages", Map.of(message, ref("#/components/messages/" + message))));
            if (c.receives()) {
                operations.put("receive-" + c.id(), operation("receive", c.id(), message));
            }
            if (c.sends()) {
                operations.put("send-" + c.id(), operation("send", c.id(), message));
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", message);
            m.put("contentType", c.payload() == null ? "application/octet-stream" : "application/json");
            m.put("payload", c.payload() == null
                    ? Map.of("type", "string", "format", "binary", "description", "the original value bytes")
                    : ref("#/components/schemas/" + message));
            m.put("bindings", Map.of("kafka", Map.of("bindingVersion", "0.5.0",
                    "key", Map.of("type", "string", "description", c.key()))));
            messages.put(message, m);
            if (c.payload() != null) {
                schemas.put(message, schema(c.payload()));
            }
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("asyncapi", "3.0.0");
        doc.put("info", Map.of("title", "Ticketing stream processor: topics", "version", "1",
                "description", "What the service reads from upstream and writes for downstream. Values are JSON "
                        + "(schemaVersion 1.0); a record that fails validation goes to the dead-letter topic."));
        doc.put("defaultContentType", "application/json");
        doc.put("channels", channelMap);
        doc.put("operations", operations);
        doc.put("components", Map.of("messages", messages, "schemas", schemas));
        return doc;
    }

    private static Map<String, Object> operation(String action, String channel, String message) {
        return Map.of("action", action,
                "channel", ref("#/channels/" + channel),
                "messages", List.of(ref("#/channels/" + channel + "/messages/" + message)));
    }

    /** A JSON schema of a record: its components, by the JSON type each is read as. */
    static Map<String, Object> schema(Class<? extends Record> type) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            properties.put(component.getName(), typeOf(component.getType()));
            names.add(component.getName());
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", names);
        return schema;
    }

    private static Map<String, Object> typeOf(Class<?> type) {
        if (type == Instant.class) {
            return Map.of("type", "string", "format", "date-time");
        }
        if (type == BigDecimal.class) {
            return Map.of("type", "number", "description", "at most two decimals");
        }
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return Map.of("type", "integer");
        }
        if (type.isEnum()) {
            List<String> values = new ArrayList<>();
            for (Object constant : type.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
            return Map.of("type", "string", "enum", values);
        }
        return Map.of("type", "string");
    }

    private static Map<String, Object> ref(String to) {
        return Map.of("$ref", to);
    }
}
