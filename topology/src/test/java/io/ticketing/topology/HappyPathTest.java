package io.ticketing.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.events.PaymentSucceeded;
import io.ticketing.events.ReservationCreated;
import io.ticketing.events.TicketIssued;
import io.ticketing.topology.view.OrderStatus;
import io.ticketing.topology.view.ReservationStatus;
import io.ticketing.topology.view.SeatStatus;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

class HappyPathTest {

    @Test
    void reservationThenPaymentIssuesOneTicketAndFillsEveryView() {
        try (TopologyHarness h = new TopologyHarness()) {
            ReservationCreated c = Events.created("r1", "s1").build();
            PaymentSucceeded p = Events.paymentFor(c, "p1").build();
            h.pipe("s1", c);
            assertThat(h.seat("s1")).get().extracting("status").isEqualTo(SeatStatus.HELD);
            assertThat(h.reservation("r1")).get().extracting("status").isEqualTo(ReservationStatus.ACTIVE);

            h.pipe(p);

            List<TestRecord<String, TicketIssued>> tickets = h.ticketsIssued();
            assertThat(tickets).hasSize(1);
            TicketIssued t = tickets.get(0).value();
            assertThat(tickets.get(0).key()).isEqualTo(p.orderId());
            assertThat(t.ticketId()).isEqualTo(TicketCodes.ticketId("r1", c.createdAt()));
            assertThat(t.ticketNumber()).isEqualTo(TicketCodes.ticketNumber("r1", c.createdAt()));
            assertThat(t.qrCode()).isEqualTo(h.codes().qrCode(t.ticketNumber()));
            assertThat(t.pdfPath()).isEqualTo(TicketCodes.pdfPath(t.ticketId()));
            assertThat(t.issuedAt()).isEqualTo(h.now());
            assertThat(t.status()).isEqualTo("generated");
            assertThat(t.schemaVersion()).isEqualTo("1.0");

            assertThat(h.seat("s1").orElseThrow().status()).isEqualTo(SeatStatus.SOLD);
            assertThat(h.reservation("r1").orElseThrow().status()).isEqualTo(ReservationStatus.TICKETED);
            assertThat(h.reservation("r1").orElseThrow().ticketId()).isEqualTo(t.ticketId());
            assertThat(h.order(p.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.CONFIRMED);
            assertThat(h.order(p.orderId()).orElseThrow().ticketIds()).containsExactly(t.ticketId());
            assertThat(h.ticket(t.ticketId())).contains(t);
            assertThat(h.ticketByNumber(t.ticketNumber())).contains(t);
            assertThat(h.customerTickets(c.customerId()).orElseThrow().tickets()).containsExactly(t);
            assertThat(h.seatsOfShow(c.eventId())).extracting("seatId").containsExactly("s1");
            assertThat(h.summary(c.eventId())).containsExactly(java.util.Map.entry("VIP|SOLD", 1L));
            assertThat(h.refundsRequested()).isEmpty();
            assertThat(h.deadLetters()).isEmpty();
        }
    }
}
