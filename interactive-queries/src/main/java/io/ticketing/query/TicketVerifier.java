package io.ticketing.query;

import io.ticketing.events.TicketIssued;
import io.ticketing.serdes.Json;
import io.ticketing.topology.StoreNames;
import io.ticketing.topology.TicketCodes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /tickets/verify/{qrCode}}: is this a genuine, issued ticket? The signature is checked
 * first (no store is touched for a forged code), then the ticket must exist.
 *
 * <ul>
 *   <li>200 {@code {"valid": true, ...ticket}}: genuine and issued</li>
 *   <li>403 problem {@code "valid": false, "reason": "forged"}: the signature does not match</li>
 *   <li>404 problem {@code "valid": false, "reason": "not-issued"}: correctly signed, but no such ticket
 *       has been issued (or it has not reached the views yet)</li>
 *   <li>400 problem: not shaped like a code at all; 503: its state is moving, retry</li>
 * </ul>
 */
final class TicketVerifier {

    private final TicketCodes codes;
    private final KeyLookup lookup;

    TicketVerifier(TicketCodes codes, KeyLookup lookup) {
        this.codes = codes;
        this.lookup = lookup;
    }

    CompletableFuture<Reply> verify(String qrCode) {
        Optional<String> ticketNumber = codes.verify(qrCode);
        if (ticketNumber.isEmpty()) {
            return CompletableFuture.completedFuture(Problem.of(403, "forged-ticket", "Not a genuine ticket",
                    "The code's signature does not match.", Map.of("valid", false, "reason", "forged")));
        }
        // The number names the ticket's id (TicketCodes#ticketIdOf): one lookup, no index.
        return lookup.find(StoreNames.TICKETS, TicketCodes.ticketIdOf(ticketNumber.get()), Optional.empty())
                .thenApply(ticket -> {
                    if (ticket.outcome() == LocalRead.Outcome.UNAVAILABLE) {
                        return Problem.unavailable("The ticket's state is moving between instances; retry shortly.");
                    }
                    TicketIssued issued = ticket.found() ? read(ticket.json(), TicketIssued.class) : null;
                    if (issued == null || !qrCode.equals(issued.qrCode())) {
                        return Problem.of(404, "ticket-not-issued", "Ticket not issued",
                                "The code is correctly signed but no such ticket has been issued.",
                                Map.of("valid", false, "reason", "not-issued"));
                    }
                    return Reply.json(200, genuine(issued));
                });
    }

    private static Map<String, Object> genuine(TicketIssued ticket) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("valid", true);
        body.put("ticketId", ticket.ticketId());
        body.put("ticketNumber", ticket.ticketNumber());
        body.put("eventId", ticket.eventId());
        body.put("seatId", ticket.seatId());
        body.put("seatNumber", ticket.seatNumber());
        body.put("section", ticket.section());
        body.put("issuedAt", ticket.issuedAt());
        return body;
    }

    private static <T> T read(byte[] json, Class<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
