package io.ticketing.app.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ticketing.serdes.Json;
import io.ticketing.topology.DeadLetterHeaders;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CONTRACT §5 I1–I4 over what was sent and what the app wrote. Pure: records in, violations out,
 * so the rules are unit-tested on hand-made lists and the same code judges a chaos run.
 *
 * <p>I3 is judged only for payments processed before {@code settledBefore} (null: all of them), so
 * a checker run while traffic still flows does not count a payment whose orphan timeout or TTL has
 * not run out yet.
 */
public final class InvariantChecker {

    /** The topic names the checker needs to tell inputs apart. */
    public record Topics(String paymentSucceeded) {
    }

    /** What the app wrote, read_committed. */
    public record Outputs(List<TopicRecord> ticketsIssued, List<TopicRecord> refundsRequested,
                          List<TopicRecord> reservationsExpired, List<TopicRecord> deadLetters) {
    }

    private final ObjectMapper json = Json.mapper();
    private final Topics topics;
    private final Instant settledBefore;

    public InvariantChecker(Topics topics, Instant settledBefore) {
        this.topics = topics;
        this.settledBefore = settledBefore;
    }

    public CheckReport check(List<TopicRecord> sent, Outputs outputs) {
        CheckReport report = new CheckReport();
        report.count("input records", sent.size());
        report.count("ticket-issued records", outputs.ticketsIssued().size());
        report.count("refund-requested records", outputs.refundsRequested().size());
        report.count("reservation-expired records (all)", outputs.reservationsExpired().size());
        report.count("dead-letter records", outputs.deadLetters().size());

        Map<String, String> reservationOfPayment = new HashMap<>();
        Map<String, TopicRecord> payments = new LinkedHashMap<>();
        for (TopicRecord record : sent) {
            if (record.poison() || !record.topic().equals(topics.paymentSucceeded())) {
                continue;
            }
            JsonNode value = parse(record.value());
            String paymentId = text(value, "paymentId");
            if (paymentId != null) {
                payments.putIfAbsent(paymentId, record);
                reservationOfPayment.putIfAbsent(paymentId, text(value, "reservationId"));
            }
        }
        report.count("distinct payment-succeeded", payments.size());

        seatsSoldOnce(outputs.ticketsIssued(), report);
        reservationsTicketedOnce(outputs.ticketsIssued(), reservationOfPayment, report);
        paymentsSettledOnce(payments, outputs, report);
        inputsAppliedOrDeadLettered(sent, outputs.deadLetters(), report);
        return report;
    }

    /** I1: at most one ticket per seat (copies of the same ticket are I2's business). */
    private void seatsSoldOnce(List<TopicRecord> tickets, CheckReport report) {
        Map<String, Map<String, TopicRecord>> ticketsBySeat = new LinkedHashMap<>();
        for (TopicRecord record : tickets) {
            JsonNode ticket = parse(record.value());
            String seatId = text(ticket, "seatId");
            if (seatId == null) {
                report.violation("I1", "a ticket-issued record without a seatId", List.of(evidence(record)));
                continue;
            }
            ticketsBySeat.computeIfAbsent(seatId, s -> new LinkedHashMap<>())
                    .putIfAbsent(String.valueOf(text(ticket, "ticketId")), record);
        }
        ticketsBySeat.forEach((seatId, byTicket) -> {
            if (byTicket.size() > 1) {
                report.violation("I1", "seat " + seatId + " was ticketed " + byTicket.size() + " times",
                        byTicket.values().stream().map(InvariantChecker::evidence).toList());
            }
        });
        report.count("seats ticketed", ticketsBySeat.size());
    }

    /** I2: at most one ticket per reservation, and any copy of a ticket is identical. */
    private void reservationsTicketedOnce(List<TopicRecord> tickets, Map<String, String> reservationOfPayment,
                                          CheckReport report) {
        Map<String, List<TopicRecord>> copies = new LinkedHashMap<>();
        Map<String, Set<String>> ticketIdsByReservation = new LinkedHashMap<>();
        Map<String, List<TopicRecord>> recordsByReservation = new HashMap<>();
        for (TopicRecord record : tickets) {
            JsonNode ticket = parse(record.value());
            String ticketId = String.valueOf(text(ticket, "ticketId"));
            copies.computeIfAbsent(ticketId, t -> new ArrayList<>()).add(record);
            String reservationId = reservationOfPayment.get(text(ticket, "paymentId"));
            if (reservationId != null) {
                ticketIdsByReservation.computeIfAbsent(reservationId, r -> new LinkedHashSet<>()).add(ticketId);
                recordsByReservation.computeIfAbsent(reservationId, r -> new ArrayList<>()).add(record);
            }
        }
        int duplicates = 0;
        for (Map.Entry<String, List<TopicRecord>> entry : copies.entrySet()) {
            List<TopicRecord> same = entry.getValue();
            duplicates += same.size() - 1;
            JsonNode first = parse(same.get(0).value());
            for (TopicRecord other : same.subList(1, same.size())) {
                if (!first.equals(parse(other.value()))) {
                    report.violation("I2", "ticket " + entry.getKey() + " was issued twice with different fields",
                            List.of(evidence(same.get(0)), evidence(other)));
                }
            }
        }
        ticketIdsByReservation.forEach((reservationId, ticketIds) -> {
            if (ticketIds.size() > 1) {
                report.violation("I2", "reservation " + reservationId + " got " + ticketIds.size() + " tickets "
                        + ticketIds, recordsByReservation.get(reservationId).stream()
                        .map(InvariantChecker::evidence).toList());
            }
        });
        report.count("distinct tickets", copies.size());
        report.count("repeated copies of a ticket (identical)", duplicates);
    }

    /** I3: every distinct payment-succeeded ends in exactly one of a ticket or a refund. */
    private void paymentsSettledOnce(Map<String, TopicRecord> payments, Outputs outputs, CheckReport report) {
        Map<String, List<TopicRecord>> ticketsByPayment = byField(outputs.ticketsIssued(), "paymentId");
        Map<String, List<TopicRecord>> refundsByPayment = byField(outputs.refundsRequested(), "paymentId");
        int judged = 0;
        int tooRecent = 0;
        for (Map.Entry<String, TopicRecord> payment : payments.entrySet()) {
            if (!settled(payment.getValue())) {
                tooRecent++;
                continue;
            }
            judged++;
            List<TopicRecord> tickets = ticketsByPayment.getOrDefault(payment.getKey(), List.of());
            List<TopicRecord> refunds = refundsByPayment.getOrDefault(payment.getKey(), List.of());
            if (tickets.isEmpty() && refunds.isEmpty()) {
                report.violation("I3", "payment " + payment.getKey() + " has neither a ticket nor a refund",
                        List.of(evidence(payment.getValue())));
            } else if (!tickets.isEmpty() && !refunds.isEmpty()) {
                List<String> evidence = new ArrayList<>();
                evidence.add(evidence(payment.getValue()));
                tickets.forEach(t -> evidence.add(evidence(t)));
                refunds.forEach(r -> evidence.add(evidence(r)));
                report.violation("I3", "payment " + payment.getKey() + " has both a ticket and a refund", evidence);
            } else if (distinctValues(refunds) > 1) {
                List<String> evidence = new ArrayList<>(List.of(evidence(payment.getValue())));
                refunds.forEach(r -> evidence.add(evidence(r)));
                report.violation("I3", "payment " + payment.getKey() + " was refunded " + distinctValues(refunds)
                        + " different ways", evidence);
            }
        }
        if (!payments.isEmpty()) {
            for (String kind : List.of("ticket-issued", "refund-requested")) {
                Map<String, List<TopicRecord>> outputsByPayment =
                        kind.equals("ticket-issued") ? ticketsByPayment : refundsByPayment;
                outputsByPayment.forEach((paymentId, records) -> {
                    if (!payments.containsKey(paymentId)) {
                        report.violation("I3", kind + " for payment " + paymentId + ", which was never sent",
                                records.stream().map(InvariantChecker::evidence).toList());
                    }
                });
            }
        }
        report.count("payments judged for I3", judged);
        report.count("payments too recent to judge", tooRecent);
    }

    /**
     * I4: every input the app had to refuse is in the dead-letter topic with its original bytes.
     * A record is expected there when the simulator marked it poison, or it is not even a JSON
     * object. It is found by the source position the dead letter's headers name, or failing that
     * (Kafka's native dead letters) by its exact bytes.
     */
    private void inputsAppliedOrDeadLettered(List<TopicRecord> sent, List<TopicRecord> deadLetters,
                                             CheckReport report) {
        Map<String, TopicRecord> byPosition = new HashMap<>();
        Map<ByteBuffer, Integer> unmatchedBytes = new HashMap<>();
        for (TopicRecord dead : deadLetters) {
            String topic = dead.headers().get(DeadLetterHeaders.TOPIC);
            String partition = dead.headers().get(DeadLetterHeaders.PARTITION);
            String offset = dead.headers().get(DeadLetterHeaders.OFFSET);
            if (topic != null && partition != null && offset != null) {
                byPosition.putIfAbsent(topic + "-" + partition + "@" + offset, dead);
            }
            unmatchedBytes.merge(buffer(dead.value()), 1, Integer::sum);
        }
        int expected = 0;
        int goodRefused = 0;
        for (TopicRecord input : sent) {
            TopicRecord dead = byPosition.get(input.position());
            boolean mustBeDead = input.poison() || !(parse(input.value()) != null && parse(input.value()).isObject());
            if (!mustBeDead) {
                if (dead != null) {
                    goodRefused++;
                    report.note("a record sent as good was dead-lettered (" + dead.headers()
                            .get(DeadLetterHeaders.REASON) + "): " + evidence(input));
                }
                continue;
            }
            expected++;
            if (dead != null) {
                if (!dead.sameValue(input.value())) {
                    report.violation("I4", "dead letter of " + input.position() + " does not carry its original bytes",
                            List.of(evidence(input), evidence(dead)));
                }
                continue;
            }
            Integer left = unmatchedBytes.get(buffer(input.value()));
            if (left != null && left > 0) {
                unmatchedBytes.put(buffer(input.value()), left - 1);
                continue;
            }
            report.violation("I4", "a bad input record (" + (input.poison() ? input.poisonKind() : "not JSON")
                    + ") is not in the dead-letter topic", List.of(evidence(input)));
        }
        report.count("bad input records expected in the DLT", expected);
        report.count("good records dead-lettered anyway", goodRefused);
    }

    private boolean settled(TopicRecord payment) {
        if (settledBefore == null) {
            return true;
        }
        String processedAt = text(parse(payment.value()), "processedAt");
        try {
            return processedAt == null || Instant.parse(processedAt).isBefore(settledBefore);
        } catch (DateTimeParseException e) {
            return java.time.OffsetDateTime.parse(processedAt).toInstant().isBefore(settledBefore);
        }
    }

    private Map<String, List<TopicRecord>> byField(List<TopicRecord> records, String field) {
        Map<String, List<TopicRecord>> grouped = new LinkedHashMap<>();
        for (TopicRecord record : records) {
            String id = text(parse(record.value()), field);
            grouped.computeIfAbsent(String.valueOf(id), k -> new ArrayList<>()).add(record);
        }
        return grouped;
    }

    private long distinctValues(List<TopicRecord> records) {
        return records.stream().map(r -> parse(r.value())).distinct().count();
    }

    JsonNode parse(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            return json.readTree(value);
        } catch (IOException e) {
            return null;
        }
    }

    static String text(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static ByteBuffer buffer(byte[] bytes) {
        return ByteBuffer.wrap(bytes == null ? new byte[0] : bytes);
    }

    static String evidence(TopicRecord record) {
        return record.position() + " " + record.valueText();
    }
}
