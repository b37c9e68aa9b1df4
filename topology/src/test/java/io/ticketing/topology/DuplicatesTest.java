package io.ticketing.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.events.PaymentFailed;
import io.ticketing.events.PaymentSucceeded;
import io.ticketing.events.ReservationCreated;
import io.ticketing.events.ReservationExpired;
import io.ticketing.events.TicketingEvent;
import io.ticketing.topology.view.OrderStatus;
import io.ticketing.topology.view.ReservationStatus;
import io.ticketing.topology.view.SeatStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** CONTRACT §3 last row, §5 at_least_once: the same event again changes nothing and emits nothing. */
class DuplicatesTest {

    private final TopologyHarness h = new TopologyHarness();
    private final ReservationCreated r1 = Events.created("r1", "s1").build();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void duplicateReservationCreatedIsAbsorbed() {
        h.pipe(r1);
        h.pipe("another-key", r1);
        assertThat(h.reservation("r1").orElseThrow().status()).isEqualTo(ReservationStatus.ACTIVE);
        assertThat(h.seat("s1").orElseThrow().reservationId()).isEqualTo("r1");
        assertThat(h.summary(r1.eventId())).containsExactly(Map.entry("VIP|HELD", 1L));
    }

    @Test
    void duplicateReservationCreatedAfterTicketingIsAbsorbed() {
        h.pipe(r1);
        h.pipe(Events.paymentFor(r1, "p1").build());
        h.pipe(r1);
        assertThat(h.reservation("r1").orElseThrow().status()).isEqualTo(ReservationStatus.TICKETED);
        assertThat(h.summary(r1.eventId())).containsExactly(Map.entry("VIP|SOLD", 1L));
    }

    @Test
    void duplicatePaymentBeforeItsReservationIsAbsorbed() {
        PaymentSucceeded p1 = Events.paymentFor(r1, "p1").build();
        h.pipe(p1);
        h.pipe(p1);
        h.pipe(r1);
        h.pipe(p1);
        assertThat(h.ticketsIssued()).hasSize(1);
        assertThat(h.refundsRequested()).isEmpty();
    }

    @Test
    void duplicateRefusedPaymentIsRefundedOnce() {
        h.pipe(r1);
        h.pipe(Events.created("r2", "s1").build());
        PaymentSucceeded p2 = Events.succeeded("p2", "r2").build();
        h.pipe(p2);
        h.pipe(p2);
        assertThat(h.refundsRequested()).hasSize(1);
    }

    @Test
    void duplicateFailureIsAbsorbed() {
        h.pipe(r1);
        PaymentFailed f1 = Events.failureFor(r1, "f1").build();
        h.pipe(f1);
        h.pipe(Events.created("r2", "s1").build());
        h.pipe(f1);
        assertThat(h.reservation("r1").orElseThrow().status()).isEqualTo(ReservationStatus.PAYMENT_FAILED);
        assertThat(h.seat("s1").orElseThrow().reservationId()).isEqualTo("r2");
        assertThat(h.order(f1.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void duplicateExpiryIsAbsorbed() {
        h.pipe(r1);
        ReservationExpired e = Events.expiryOf(r1).build();
        h.pipe(e);
        h.pipe(Events.created("r2", "s1").build());
        h.pipe(e);
        assertThat(h.reservation("r1").orElseThrow().status()).isEqualTo(ReservationStatus.EXPIRED);
        assertThat(h.seat("s1").orElseThrow().status()).isEqualTo(SeatStatus.HELD);
        assertThat(h.seat("s1").orElseThrow().reservationId()).isEqualTo("r2");
        assertThat(h.reservationsExpired()).isEmpty();
    }

    @Test
    void atLeastOnceGivesTheSameOutcome() {
        java.util.Properties alo = new java.util.Properties();
        alo.put(org.apache.kafka.streams.StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
                org.apache.kafka.streams.StreamsConfig.AT_LEAST_ONCE);
        try (TopologyHarness h2 = new TopologyHarness(TopologyHarness.defaultConfig(), Events.BASE, alo)) {
            PaymentSucceeded p1 = Events.paymentFor(r1, "p1").build();
            h2.pipe(p1);
            h2.pipe(r1);
            h2.pipe(p1);
            h2.pipe(r1);
            assertThat(h2.ticketsIssued()).hasSize(1);
            assertThat(h2.refundsRequested()).isEmpty();
            assertThat(h2.reservation("r1").orElseThrow().status()).isEqualTo(ReservationStatus.TICKETED);
        }
    }

    @Test
    void aWholeHistoryDeliveredTwiceGivesTheSameOutputsAsOnce() {
        List<TicketingEvent> history = List.of(
                r1,
                Events.created("r2", "s1").build(),
                Events.created("r3", "s3").build(),
                Events.paymentFor(r1, "p1").build(),
                Events.succeeded("p2", "r2").build(),
                Events.failed("f3", "r3").build(),
                Events.succeeded("p4", "r1").build());
        try (TopologyHarness once = new TopologyHarness()) {
            history.forEach(once::pipe);
            history.forEach(h::pipe);
            history.forEach(h::pipe);
            assertThat(h.ticketsIssued()).extracting(r -> r.value()).isEqualTo(
                    once.ticketsIssued().stream().map(r -> r.value()).toList());
            assertThat(h.refundsRequested()).extracting(r -> r.value()).isEqualTo(
                    once.refundsRequested().stream().map(r -> r.value()).toList());
            for (String r : List.of("r1", "r2", "r3")) {
                assertThat(h.reservation(r).orElseThrow().status())
                        .isEqualTo(once.reservation(r).orElseThrow().status());
            }
            assertThat(h.summary(Events.SHOW)).isEqualTo(once.summary(Events.SHOW));
        }
    }
}
