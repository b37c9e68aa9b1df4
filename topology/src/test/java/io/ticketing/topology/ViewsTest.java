package io.ticketing.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.events.PaymentFailed;
import io.ticketing.events.PaymentSucceeded;
import io.ticketing.events.ReservationCreated;
import io.ticketing.events.TicketIssued;
import io.ticketing.topology.view.OrderStatus;
import io.ticketing.topology.view.OrderView;
import io.ticketing.topology.view.ReservationStatus;
import io.ticketing.topology.view.ReservationView;
import io.ticketing.topology.view.SeatStatus;
import io.ticketing.topology.view.SeatView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The query views the HTTP layer serves (StoreNames). */
class ViewsTest {

    @Test
    void reservationViewCarriesTheReservationAndTheDecidingPayment() {
        try (TopologyHarness h = new TopologyHarness()) {
            ReservationCreated c = Events.created("r1", "s1").section("GA").seatNumber("A-1-2").build();
            PaymentSucceeded p = Events.paymentFor(c, "p1").build();
            h.pipe(c);
            ReservationView active = h.reservation("r1").orElseThrow();
            assertThat(active).isEqualTo(new ReservationView("r1", c.eventId(), c.customerId(), "s1", "A-1-2", "GA",
                    c.basePrice(), ReservationStatus.ACTIVE, c.createdAt(), c.expiresAt(), null, null, null, h.now()));
            h.advance(Duration.ofMinutes(1));
            h.pipe(p);
            ReservationView ticketed = h.reservation("r1").orElseThrow();
            assertThat(ticketed.status()).isEqualTo(ReservationStatus.TICKETED);
            assertThat(ticketed.paymentId()).isEqualTo("p1");
            assertThat(ticketed.orderId()).isEqualTo(p.orderId());
            assertThat(ticketed.ticketId()).isEqualTo(TicketCodes.ticketId("r1", c.createdAt()));
            assertThat(ticketed.updatedAt()).isEqualTo(h.now());
        }
    }

    @Test
    void seatsByShowAndSummaryCountEverySeatExactly() {
        try (TopologyHarness h = new TopologyHarness()) {
            ReservationCreated r1 = Events.created("r1", "s1").build();
            ReservationCreated r2 = Events.created("r2", "s2").build();
            ReservationCreated r3 = Events.created("r3", "s3").build();
            ReservationCreated r4 = Events.created("r4", "s4").section("GA").build();
            ReservationCreated r5 = Events.created("r5", "s5").eventId("show-2").build();
            ReservationCreated r6 = Events.created("r6", "s1").build(); // rejected: s1 is taken
            for (ReservationCreated c : List.of(r1, r2, r3, r4, r5, r6)) {
                h.pipe(c);
            }
            h.pipe(Events.paymentFor(r1, "p1").build());
            h.pipe(Events.failureFor(r3, "f3").build());
            h.pipe(Events.expiryOf(r4).build());

            assertThat(h.seatsOfShow("show-1")).extracting(SeatView::seatId, SeatView::status, SeatView::reservationId)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("s1", SeatStatus.SOLD, "r1"),
                            org.assertj.core.groups.Tuple.tuple("s2", SeatStatus.HELD, "r2"),
                            org.assertj.core.groups.Tuple.tuple("s3", SeatStatus.AVAILABLE, null),
                            org.assertj.core.groups.Tuple.tuple("s4", SeatStatus.AVAILABLE, null));
            assertThat(h.seatsOfShow("show-2")).extracting(SeatView::seatId).containsExactly("s5");
            assertThat(h.summary("show-1")).isEqualTo(Map.of(
                    "VIP|SOLD", 1L, "VIP|HELD", 1L, "VIP|AVAILABLE", 1L, "GA|AVAILABLE", 1L));
            assertThat(h.summary("show-2")).isEqualTo(Map.of("VIP|HELD", 1L));
            assertThat(h.seat("s2").orElseThrow()).isEqualTo(h.seatsOfShow("show-1").get(1));

            // Every transition keeps the counts exact: re-hold s3, then let the app expire it.
            h.pipe(Events.created("r7", "s3").build());
            assertThat(h.summary("show-1")).isEqualTo(Map.of("VIP|SOLD", 1L, "VIP|HELD", 2L, "GA|AVAILABLE", 1L));
            h.advance(Events.HOLD.plusMinutes(1));
            assertThat(h.summary("show-1")).isEqualTo(Map.of("VIP|SOLD", 1L, "VIP|AVAILABLE", 2L, "GA|AVAILABLE", 1L));
        }
    }

    @Test
    void ordersFollowTheirPayments() {
        try (TopologyHarness h = new TopologyHarness()) {
            ReservationCreated r1 = Events.created("r1", "s1").build();
            ReservationCreated r2 = Events.created("r2", "s2").build();
            PaymentSucceeded p1 = Events.paymentFor(r1, "p1").build();
            PaymentFailed f2 = Events.failureFor(r2, "f2").build();
            h.pipe(p1);
            OrderView pending = h.order(p1.orderId()).orElseThrow();
            assertThat(pending.status()).isEqualTo(OrderStatus.PENDING);
            assertThat(pending.reservationIds()).containsExactly("r1");
            assertThat(pending.ticketIds()).isEmpty();
            h.pipe(r1);
            h.pipe(r2);
            h.pipe(f2);
            OrderView confirmed = h.order(p1.orderId()).orElseThrow();
            assertThat(confirmed).isEqualTo(new OrderView(p1.orderId(), p1.customerId(), List.of("r1"), "p1",
                    p1.amount(), p1.currency(), OrderStatus.CONFIRMED, List.of(TicketCodes.ticketId("r1", r1.createdAt())),
                    confirmed.updatedAt()));
            assertThat(h.order(f2.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        }
    }

    @Test
    void customerTicketsListEveryTicketOfTheCustomerOldestFirst() {
        try (TopologyHarness h = new TopologyHarness()) {
            ReservationCreated a = Events.created("ra", "sa").customerId("alice").build();
            ReservationCreated b = Events.created("rb", "sb").customerId("alice").build();
            ReservationCreated c = Events.created("rc", "sc").customerId("carol").build();
            h.pipe(a);
            h.pipe(b);
            h.pipe(c);
            h.pipe(Events.paymentFor(b, "pb").build());
            h.advance(Duration.ofSeconds(10));
            h.pipe(Events.paymentFor(a, "pa").build());
            h.pipe(Events.paymentFor(c, "pc").build());
            List<TicketIssued> tickets = h.ticketsIssued().stream().map(r -> r.value()).toList();
            assertThat(h.customerTickets("alice").orElseThrow().tickets())
                    .extracting(TicketIssued::paymentId).containsExactly("pb", "pa");
            assertThat(h.customerTickets("carol").orElseThrow().tickets()).containsExactly(tickets.get(2));
            for (TicketIssued t : tickets) {
                assertThat(h.ticket(t.ticketId())).contains(t);
                assertThat(h.ticketByNumber(t.ticketNumber())).contains(t);
                assertThat(h.codes().verify(t.qrCode())).contains(t.ticketNumber());
            }
        }
    }

    @Test
    void theListenerHearsOfEveryReservationAndOrderChange() {
        List<Object> heard = new CopyOnWriteArrayList<>();
        ViewListener listener = new ViewListener() {
            @Override
            public void reservationChanged(ReservationView view) {
                heard.add(view.reservationId() + ":" + view.status());
            }

            @Override
            public void orderChanged(OrderView view) {
                heard.add(view.orderId() + ":" + view.status());
            }
        };
        try (TopologyHarness h = new TopologyHarness(TopologyHarness.defaultConfig().withListener(listener))) {
            ReservationCreated r1 = Events.created("r1", "s1").build();
            h.pipe(r1);
            h.pipe(Events.paymentFor(r1, "p1").build());
        }
        assertThat(heard).containsExactly("r1:ACTIVE", "r1:TICKETED", "order-p1:CONFIRMED");
    }
}
