package io.ticketing.query;

import io.ticketing.events.TicketIssued;
import io.ticketing.topology.TicketCodes;
import io.ticketing.topology.view.OrderStatus;
import io.ticketing.topology.view.OrderView;
import io.ticketing.topology.view.ReservationStatus;
import io.ticketing.topology.view.ReservationView;
import io.ticketing.topology.view.SeatStatus;
import io.ticketing.topology.view.SeatView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Sample views for tests. */
final class Views {

    static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    private Views() {
    }

    static ReservationView reservation(String id, ReservationStatus status) {
        return new ReservationView(id, "evt-1", "cust-1", "seat-1", "12", "A", new BigDecimal("49.90"), status,
                AT, AT.plusSeconds(600), null, null, null, AT);
    }

    static OrderView order(String id, OrderStatus status) {
        return new OrderView(id, "cust-1", List.of("res-1"), "pay-1", new BigDecimal("49.90"), "EUR", status,
                List.of(), AT);
    }

    static SeatView seat(String eventId, String seatId, String section, SeatStatus status) {
        return new SeatView(seatId, eventId, seatId.replace("seat-", ""), section, status,
                status == SeatStatus.AVAILABLE ? null : "res-" + seatId, AT);
    }

    static TicketIssued ticket(String reservationId, String secret) {
        String number = TicketCodes.ticketNumber(reservationId, AT);
        String ticketId = TicketCodes.ticketIdOf(number);
        return new TicketIssued("1.0", ticketId, number, "ord-1", "pay-1", "cust-1", "evt-1", "seat-1", "12", "A",
                TicketCodes.pdfPath(ticketId), new TicketCodes(secret).qrCode(number), AT, TicketIssued.STATUS);
    }
}
