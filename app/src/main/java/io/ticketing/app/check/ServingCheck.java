package io.ticketing.app.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * I5: what the HTTP layer answers for a sample of keys equals the fold of their events. Only what
 * the outputs decide is compared, so the check never guesses a state the records cannot prove:
 * a reservation with a ticket is TICKETED with that ticket, its seat SOLD to it, its order
 * CONFIRMED listing the ticket; a reservation without one is not TICKETED, and once past its
 * {@code expiresAt} (before {@code settledBefore}) no longer ACTIVE.
 */
public final class ServingCheck {

    /** One HTTP answer; the checker does not care how it was fetched. */
    public record Answer(int status, String body) {
    }

    /** GET of a path such as {@code /reservations/r-1}; ids are URL-encoded by the caller of this. */
    @FunctionalInterface
    public interface Http {
        Answer get(String path);
    }

    private final InvariantChecker parser;
    private final Http http;
    private final Instant settledBefore;

    public ServingCheck(InvariantChecker parser, Http http, Instant settledBefore) {
        this.parser = parser;
        this.http = http;
        this.settledBefore = settledBefore;
    }

    /**
     * @param reservationsCreated good reservation-created records sent
     * @param payments            good payment-succeeded records sent
     */
    public void check(List<TopicRecord> reservationsCreated, List<TopicRecord> payments,
                      List<TopicRecord> tickets, int sampleSize, long seed, CheckReport report) {
        Map<String, String> reservationOfPayment = new HashMap<>();
        for (TopicRecord payment : payments) {
            JsonNode value = parser.parse(payment.value());
            reservationOfPayment.put(InvariantChecker.text(value, "paymentId"), InvariantChecker.text(value, "reservationId"));
        }
        Map<String, JsonNode> ticketOfReservation = new HashMap<>();
        for (TopicRecord ticket : tickets) {
            JsonNode value = parser.parse(ticket.value());
            String reservationId = reservationOfPayment.get(InvariantChecker.text(value, "paymentId"));
            if (reservationId != null) {
                ticketOfReservation.putIfAbsent(reservationId, value);
            }
        }
        Map<String, JsonNode> created = new LinkedHashMap<>();
        for (TopicRecord record : reservationsCreated) {
            JsonNode value = parser.parse(record.value());
            String id = InvariantChecker.text(value, "reservationId");
            if (id != null) {
                created.putIfAbsent(id, value);
            }
        }
        List<String> ids = new ArrayList<>(created.keySet());
        java.util.Collections.shuffle(ids, new Random(seed));
        List<String> sample = ids.subList(0, Math.min(sampleSize, ids.size()));
        int compared = 0;
        for (String reservationId : sample) {
            JsonNode ticket = ticketOfReservation.get(reservationId);
            JsonNode view = fetch("/reservations/" + reservationId, report);
            if (view == null) {
                continue;
            }
            compared++;
            String status = InvariantChecker.text(view, "status");
            if (ticket != null) {
                expect(report, "TICKETED".equals(status) && same(view, "ticketId", ticket),
                        "reservation " + reservationId + " has ticket " + InvariantChecker.text(ticket, "ticketId")
                                + " but the HTTP layer answers " + view, ticket);
                JsonNode seat = fetch("/seats/" + InvariantChecker.text(ticket, "seatId"), report);
                if (seat != null) {
                    expect(report, "SOLD".equals(InvariantChecker.text(seat, "status"))
                                    && reservationId.equals(InvariantChecker.text(seat, "reservationId")),
                            "seat of ticketed reservation " + reservationId + " answers " + seat, ticket);
                }
                JsonNode order = fetch("/orders/" + InvariantChecker.text(ticket, "orderId"), report);
                if (order != null) {
                    expect(report, "CONFIRMED".equals(InvariantChecker.text(order, "status"))
                                    && order.path("ticketIds").toString().contains(InvariantChecker.text(ticket, "ticketId")),
                            "order of ticketed reservation " + reservationId + " answers " + order, ticket);
                }
            } else {
                expect(report, !"TICKETED".equals(status),
                        "reservation " + reservationId + " has no ticket-issued but the HTTP layer answers " + view,
                        created.get(reservationId));
                String expiresAt = InvariantChecker.text(created.get(reservationId), "expiresAt");
                if (settledBefore != null && expiresAt != null && parseInstant(expiresAt).isBefore(settledBefore)) {
                    expect(report, !"ACTIVE".equals(status), "reservation " + reservationId
                            + " is past its expiresAt and grace but still answers " + view, created.get(reservationId));
                }
            }
        }
        report.count("I5 reservations sampled", sample.size());
        report.count("I5 reservations compared", compared);
    }

    private JsonNode fetch(String path, CheckReport report) {
        Answer answer = http.get(path);
        if (answer.status() == 503) {
            report.count("I5 answers 503 (rebalancing, not judged)", 1);
            return null;
        }
        if (answer.status() != 200) {
            report.violation("I5", "GET " + path + " answered " + answer.status(), List.of(String.valueOf(answer.body())));
            return null;
        }
        JsonNode node = parser.parse(answer.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (node == null || !node.isObject()) {
            report.violation("I5", "GET " + path + " answered something that is not a JSON object",
                    List.of(String.valueOf(answer.body())));
            return null;
        }
        return node;
    }

    private static boolean same(JsonNode a, String field, JsonNode b) {
        String x = InvariantChecker.text(a, field);
        return x != null && x.equals(InvariantChecker.text(b, field));
    }

    private static void expect(CheckReport report, boolean holds, String what, JsonNode evidence) {
        if (!holds) {
            report.violation("I5", what, List.of("event: " + evidence));
        }
    }

    private static Instant parseInstant(String text) {
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return java.time.OffsetDateTime.parse(text).toInstant();
        }
    }
}
