package io.ticketing.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.events.PaymentFailed;
import io.ticketing.events.PaymentSucceeded;
import io.ticketing.events.RefundRequested;
import io.ticketing.events.ReservationCreated;
import io.ticketing.events.TicketIssued;
import io.ticketing.topology.view.OrderStatus;
import io.ticketing.topology.view.ReservationStatus;
import io.ticketing.topology.view.SeatStatus;
import io.ticketing.topology.view.SeatView;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One test (or two, for both arrival orders) per row of the CONTRACT §3 table. */
class ReservationRulesTest {

    private final TopologyHarness h = new TopologyHarness();
    private final ReservationCreated r1 = Events.created("r1", "s1").build();
    private final ReservationCreated r2 = Events.created("r2", "s1").customerId("customer-2").build();

    @AfterEach
    void close() {
        h.close();
    }

    // ---- unknown + reservation-created ----

    @Test
    void createdOnFreeSeatHoldsIt() {
        h.pipe(r1);
        assertReservation("r1", ReservationStatus.ACTIVE);
        assertSeat("s1", SeatStatus.HELD, "r1");
        assertNoOutputs();
    }

    @Test
    void createdOnSeatHeldByAnotherIsRejected() {
        h.pipe(r1);
        h.pipe(r2);
        assertReservation("r1", ReservationStatus.ACTIVE);
        assertReservation("r2", ReservationStatus.REJECTED);
        assertSeat("s1", SeatStatus.HELD, "r1");
        assertNoOutputs();
    }

    @Test
    void twoReservationsForOneSeatInTheOtherOrder() {
        h.pipe(r2);
        h.pipe(r1);
        assertReservation("r2", ReservationStatus.ACTIVE);
        assertReservation("r1", ReservationStatus.REJECTED);
        assertSeat("s1", SeatStatus.HELD, "r2");
    }

    @Test
    void createdOnSeatSoldToAnotherIsRejected() {
        h.pipe(r1);
        h.pipe(Events.paymentFor(r1, "p1").build());
        h.pipe(r2);
        assertReservation("r2", ReservationStatus.REJECTED);
        assertSeat("s1", SeatStatus.SOLD, "r1");
        assertThat(h.ticketsIssued()).hasSize(1);
    }

    @Test
    void twoReservationsBothPaidOnlyTheHolderGetsTheSeat() {
        h.pipe(r1);
        h.pipe(r2);
        PaymentSucceeded p2 = Events.paymentFor(r2, "p2").build();
        PaymentSucceeded p1 = Events.paymentFor(r1, "p1").build();
        h.pipe(p2);
        h.pipe(p1);
        assertThat(h.ticketsIssued()).extracting(TestRecord::value).extracting(TicketIssued::paymentId)
                .containsExactly("p1");
        assertRefunds(new Refund("p2", "seat-unavailable"));
        assertSeat("s1", SeatStatus.SOLD, "r1");
        assertThat(h.order(p2.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.REFUND_REQUIRED);
    }

    // ---- unknown + payment (pending until the reservation comes) ----

    @Test
    void paymentBeforeReservationIsHeldThenApplied() {
        PaymentSucceeded p1 = Events.paymentFor(r1, "p1").build();
        h.pipe(p1);
        assertThat(h.ticketsIssued()).isEmpty();
        assertThat(h.reservation("r1")).isEmpty();
        assertThat(h.order(p1.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.PENDING);

        h.pipe(r1);
        assertThat(h.ticketsIssued()).hasSize(1);
        assertReservation("r1", ReservationStatus.TICKETED);
        assertSeat("s1", SeatStatus.SOLD, "r1");
        assertThat(h.order(p1.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void failureBeforeReservationIsHeldThenApplied() {
        PaymentFailed f1 = Events.failureFor(r1, "f1").build();
        h.pipe(f1);
        assertThat(h.order(f1.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.PENDING);
        h.pipe(r1);
        assertReservation("r1", ReservationStatus.PAYMENT_FAILED);
        assertSeat("s1", SeatStatus.AVAILABLE, null);
        assertThat(h.order(f1.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void heldCommandsAreAppliedInArrivalOrder() {
        // failure first, then a success in time: PAYMENT_FAILED, then honoured (seat still free)
        h.pipe(Events.failureFor(r1, "f1").build());
        h.pipe(Events.paymentFor(r1, "p1").build());
        h.pipe(r1);
        assertReservation("r1", ReservationStatus.TICKETED);
        assertThat(h.ticketsIssued()).hasSize(1);
    }

    @Test
    void heldSuccessThenFailureKeepsTheTicket() {
        h.pipe(Events.paymentFor(r1, "p1").build());
        h.pipe(Events.failureFor(r1, "f1").build());
        h.pipe(r1);
        assertReservation("r1", ReservationStatus.TICKETED);
        assertThat(h.ticketsIssued()).hasSize(1);
    }

    // ---- ACTIVE ----

    @Test
    void activePaidIsTicketed() {
        h.pipe(r1);
        h.pipe(Events.paymentFor(r1, "p1").build());
        assertReservation("r1", ReservationStatus.TICKETED);
        assertSeat("s1", SeatStatus.SOLD, "r1");
        assertThat(h.ticketsIssued()).hasSize(1);
        assertThat(h.refundsRequested()).isEmpty();
    }

    @Test
    void activeFailedFreesTheSeat() {
        h.pipe(r1);
        PaymentFailed f1 = Events.failureFor(r1, "f1").build();
        h.pipe(f1);
        assertReservation("r1", ReservationStatus.PAYMENT_FAILED);
        assertSeat("s1", SeatStatus.AVAILABLE, null);
        assertThat(h.order(f1.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertNoOutputs();
    }

    @Test
    void activeExpiredUpstreamFreesTheSeatAndEmitsNothing() {
        h.pipe(r1);
        h.pipe(Events.expiryOf(r1).build());
        assertReservation("r1", ReservationStatus.EXPIRED);
        assertSeat("s1", SeatStatus.AVAILABLE, null);
        assertNoOutputs();
    }

    @Test
    void aFreedSeatCanBeHeldByTheNextReservation() {
        h.pipe(r1);
        h.pipe(Events.failureFor(r1, "f1").build());
        h.pipe(r2);
        assertReservation("r2", ReservationStatus.ACTIVE);
        assertSeat("s1", SeatStatus.HELD, "r2");
    }

    // ---- PAYMENT_FAILED or EXPIRED + payment-succeeded ----

    @Test
    void paymentFailedThenPaidInTimeWithSeatFreeIsTicketed() {
        h.pipe(r1);
        h.pipe(Events.failureFor(r1, "f1").build());
        h.pipe(Events.paymentFor(r1, "p2").build());
        assertReservation("r1", ReservationStatus.TICKETED);
        assertSeat("s1", SeatStatus.SOLD, "r1");
        assertThat(h.ticketsIssued()).hasSize(1);
    }

    @Test
    void expiredThenPaidInTimeWithSeatFreeIsTicketed() {
        h.pipe(r1);
        h.pipe(Events.expiryOf(r1).build());
        h.pipe(Events.paymentFor(r1, "p1").processedAt(r1.expiresAt()).build());
        assertReservation("r1", ReservationStatus.TICKETED);
        assertThat(h.ticketsIssued()).hasSize(1);
    }

    @Test
    void expiredThenPaidTooLateIsRefunded() {
        h.pipe(r1);
        h.pipe(Events.expiryOf(r1).build());
        h.pipe(Events.paymentFor(r1, "p1").processedAt(r1.expiresAt().plusMillis(1)).build());
        assertReservation("r1", ReservationStatus.EXPIRED);
        assertSeat("s1", SeatStatus.AVAILABLE, null);
        assertRefunds(new Refund("p1", "reservation-expired"));
        assertThat(h.ticketsIssued()).isEmpty();
    }

    @Test
    void paymentFailedThenPaidTooLateIsRefundedAsExpired() {
        h.pipe(r1);
        h.pipe(Events.failureFor(r1, "f1").build());
        h.pipe(Events.paymentFor(r1, "p2").processedAt(r1.expiresAt().plusSeconds(60)).build());
        assertReservation("r1", ReservationStatus.PAYMENT_FAILED);
        assertRefunds(new Refund("p2", "reservation-expired"));
    }

    @Test
    void expiredThenPaidInTimeButSeatTakenIsRefundedSeatUnavailable() {
        h.pipe(r1);
        h.pipe(Events.expiryOf(r1).build());
        h.pipe(r2);
        h.pipe(Events.paymentFor(r1, "p1").build());
        assertReservation("r1", ReservationStatus.EXPIRED);
        assertReservation("r2", ReservationStatus.ACTIVE);
        assertSeat("s1", SeatStatus.HELD, "r2");
        assertRefunds(new Refund("p1", "seat-unavailable"));
    }

    @Test
    void paymentFailedThenPaidInTimeButSeatSoldIsRefundedSeatUnavailable() {
        h.pipe(r1);
        h.pipe(Events.failureFor(r1, "f1").build());
        h.pipe(r2);
        h.pipe(Events.paymentFor(r2, "p2").build());
        h.pipe(Events.paymentFor(r1, "p1").build());
        assertSeat("s1", SeatStatus.SOLD, "r2");
        assertReservation("r1", ReservationStatus.PAYMENT_FAILED);
        assertRefunds(new Refund("p1", "seat-unavailable"));
        assertThat(h.ticketsIssued()).extracting(TestRecord::value).extracting(TicketIssued::paymentId)
                .containsExactly("p2");
    }

    // ---- REJECTED ----

    @Test
    void rejectedPaidIsRefundedSeatUnavailable() {
        h.pipe(r1);
        h.pipe(r2);
        PaymentSucceeded p2 = Events.paymentFor(r2, "p2").build();
        h.pipe(p2);
        assertReservation("r2", ReservationStatus.REJECTED);
        assertSeat("s1", SeatStatus.HELD, "r1");
        assertRefunds(new Refund("p2", "seat-unavailable"));
        assertThat(h.ticketsIssued()).isEmpty();
    }

    // ---- TICKETED ----

    @Test
    void ticketedPaidAgainWithSamePaymentIsAbsorbed() {
        h.pipe(r1);
        PaymentSucceeded p1 = Events.paymentFor(r1, "p1").build();
        h.pipe(p1);
        h.pipe(p1);
        assertThat(h.ticketsIssued()).hasSize(1);
        assertThat(h.refundsRequested()).isEmpty();
    }

    @Test
    void ticketedPaidWithAnotherPaymentIsRefundedDuplicate() {
        h.pipe(r1);
        h.pipe(Events.paymentFor(r1, "p1").build());
        h.pipe(Events.paymentFor(r1, "p2").build());
        assertThat(h.ticketsIssued()).hasSize(1);
        assertRefunds(new Refund("p2", "duplicate-payment"));
        assertReservation("r1", ReservationStatus.TICKETED);
        assertThat(h.reservation("r1").orElseThrow().paymentId()).isEqualTo("p1");
    }

    @Test
    void ticketedThenFailedIsALateLoser() {
        h.pipe(r1);
        h.pipe(Events.paymentFor(r1, "p1").build());
        h.pipe(Events.failureFor(r1, "f1").build());
        assertReservation("r1", ReservationStatus.TICKETED);
        assertSeat("s1", SeatStatus.SOLD, "r1");
    }

    @Test
    void ticketedThenExpiredIsALateLoser() {
        h.pipe(r1);
        h.pipe(Events.paymentFor(r1, "p1").build());
        h.pipe(Events.expiryOf(r1).build());
        assertReservation("r1", ReservationStatus.TICKETED);
        assertSeat("s1", SeatStatus.SOLD, "r1");
        assertThat(h.ticketsIssued()).hasSize(1);
        assertThat(h.refundsRequested()).isEmpty();
    }

    @Test
    void anotherReservationCannotReleaseTheSeat() {
        h.pipe(r1);
        h.pipe(r2); // rejected
        h.pipe(Events.failureFor(r2, "f2").build());
        h.pipe(Events.expiryOf(r2).build());
        assertSeat("s1", SeatStatus.HELD, "r1");
        assertReservation("r2", ReservationStatus.REJECTED);
    }

    // ---- helpers ----

    record Refund(String paymentId, String reason) {
    }

    private void assertRefunds(Refund... expected) {
        List<TestRecord<String, RefundRequested>> refunds = h.refundsRequested();
        assertThat(refunds).extracting(r -> new Refund(r.value().paymentId(), r.value().reason()))
                .containsExactly(expected);
        for (TestRecord<String, RefundRequested> r : refunds) {
            assertThat(r.key()).isEqualTo(r.value().orderId());
            assertThat(r.value().status()).isEqualTo("refund-requested");
        }
    }

    private void assertReservation(String reservationId, ReservationStatus status) {
        assertThat(h.reservation(reservationId)).get().extracting("status").isEqualTo(status);
    }

    private void assertSeat(String seatId, SeatStatus status, String reservationId) {
        SeatView seat = h.seat(seatId).orElseThrow();
        assertThat(seat.status()).isEqualTo(status);
        assertThat(seat.reservationId()).isEqualTo(reservationId);
    }

    private void assertNoOutputs() {
        assertThat(h.ticketsIssued()).isEmpty();
        assertThat(h.refundsRequested()).isEmpty();
        assertThat(h.reservationsExpired()).isEmpty();
        assertThat(h.deadLetters()).isEmpty();
    }
}
