package io.ticketing.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.events.PaymentFailed;
import io.ticketing.events.PaymentSucceeded;
import io.ticketing.events.RefundRequested;
import io.ticketing.events.ReservationCreated;
import io.ticketing.events.ReservationExpired;
import io.ticketing.topology.view.OrderStatus;
import io.ticketing.topology.view.ReservationStatus;
import io.ticketing.topology.view.SeatStatus;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** CONTRACT §4: the app's own TTL, late payments, orphan timeout, retention. */
class TimeRulesTest {

    private static final Duration GRACE = TicketingConfig.DEFAULT_EXPIRY_GRACE;
    private final TopologyHarness h = new TopologyHarness();
    private final ReservationCreated r1 = Events.created("r1", "s1").build();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void reservationIsExpiredByTheAppOnlyAfterExpiresAtPlusGrace() {
        h.pipe(r1);
        h.advanceTo(r1.expiresAt().plus(GRACE).minusSeconds(1));
        assertThat(h.reservation("r1").orElseThrow().status()).isEqualTo(ReservationStatus.ACTIVE);
        assertThat(h.reservationsExpired()).isEmpty();

        h.advance(Duration.ofSeconds(1));

        assertThat(h.reservation("r1").orElseThrow().status()).isEqualTo(ReservationStatus.EXPIRED);
        assertThat(h.seat("s1").orElseThrow().status()).isEqualTo(SeatStatus.AVAILABLE);
        List<TestRecord<String, ReservationExpired>> expired = h.reservationsExpired();
        assertThat(expired).hasSize(1);
        ReservationExpired e = expired.get(0).value();
        assertThat(expired.get(0).key()).isEqualTo("r1");
        assertThat(e.reservationId()).isEqualTo("r1");
        assertThat(e.seatId()).isEqualTo("s1");
        assertThat(e.customerId()).isEqualTo(r1.customerId());
        assertThat(e.expiresAt()).isEqualTo(r1.expiresAt());
        assertThat(e.expiredAt()).isEqualTo(h.now());
        assertThat(e.status()).isEqualTo("expired");

        // Our own event, read back from the input topic, changes nothing and is not published again.
        h.advance(Duration.ofMinutes(5));
        assertThat(h.reservationsExpired()).isEmpty();
        assertThat(h.reservation("r1").orElseThrow().status()).isEqualTo(ReservationStatus.EXPIRED);
    }

    @Test
    void aPaidReservationIsNeverExpired() {
        h.pipe(r1);
        h.pipe(Events.paymentFor(r1, "p1").build());
        h.advance(Duration.ofHours(1));
        assertThat(h.reservationsExpired()).isEmpty();
        assertThat(h.reservation("r1").orElseThrow().status()).isEqualTo(ReservationStatus.TICKETED);
    }

    @Test
    void anUpstreamExpiryStopsTheAppFromPublishingItsOwn() {
        h.pipe(r1);
        h.pipe(Events.expiryOf(r1).build());
        h.advance(Duration.ofHours(1));
        assertThat(h.reservationsExpired()).isEmpty();
    }

    @Test
    void aFailedReservationIsNotExpiredAgain() {
        h.pipe(r1);
        h.pipe(Events.failureFor(r1, "f1").build());
        h.advance(Duration.ofHours(1));
        assertThat(h.reservationsExpired()).isEmpty();
        assertThat(h.reservation("r1").orElseThrow().status()).isEqualTo(ReservationStatus.PAYMENT_FAILED);
    }

    @Test
    void aPaymentMadeInTimeIsHonouredAfterTheAppExpiredTheReservation() {
        h.pipe(r1);
        h.advanceTo(r1.expiresAt().plus(GRACE).plusSeconds(5));
        assertThat(h.reservationsExpired()).hasSize(1);
        h.pipe(Events.paymentFor(r1, "p1").processedAt(r1.expiresAt().minusSeconds(1)).build());
        assertThat(h.ticketsIssued()).hasSize(1);
        assertThat(h.reservation("r1").orElseThrow().status()).isEqualTo(ReservationStatus.TICKETED);
        assertThat(h.seat("s1").orElseThrow().status()).isEqualTo(SeatStatus.SOLD);
    }

    @Test
    void aPaymentMadeTooLateAfterTheAppExpiredItIsRefunded() {
        h.pipe(r1);
        h.advanceTo(r1.expiresAt().plus(GRACE).plusSeconds(5));
        h.pipe(Events.paymentFor(r1, "p1").processedAt(r1.expiresAt().plusSeconds(10)).build());
        assertThat(h.ticketsIssued()).isEmpty();
        assertThat(h.refundsRequested()).extracting(r -> r.value().reason()).containsExactly("reservation-expired");
    }

    @Test
    void anOrphanPaymentIsRefundedAfterTheOrphanTimeout() {
        PaymentSucceeded p1 = Events.paymentFor(r1, "p1").build();
        h.pipe(p1);
        h.advance(TicketingConfig.DEFAULT_ORPHAN_TIMEOUT.minusSeconds(1));
        assertThat(h.refundsRequested()).isEmpty();

        h.advance(Duration.ofSeconds(1));

        List<TestRecord<String, RefundRequested>> refunds = h.refundsRequested();
        assertThat(refunds).hasSize(1);
        RefundRequested refund = refunds.get(0).value();
        assertThat(refunds.get(0).key()).isEqualTo(p1.orderId());
        assertThat(refund.reason()).isEqualTo("unknown-reservation");
        assertThat(refund.paymentId()).isEqualTo("p1");
        assertThat(refund.amount()).isEqualByComparingTo(p1.amount());
        assertThat(refund.currency()).isEqualTo(p1.currency());
        assertThat(refund.reservationId()).isEqualTo("r1");
        assertThat(h.order(p1.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.REFUND_REQUIRED);

        // I3: the reservation arriving after all, and the payment redelivered, give no ticket.
        h.pipe(r1);
        h.pipe(p1);
        assertThat(h.ticketsIssued()).isEmpty();
        assertThat(h.refundsRequested()).isEmpty();
        assertThat(h.reservation("r1").orElseThrow().status()).isEqualTo(ReservationStatus.ACTIVE);
        assertThat(h.seat("s1").orElseThrow().status()).isEqualTo(SeatStatus.HELD);
    }

    @Test
    void aRefundedOrphanPaymentRedeliveredBeforeItsReservationIsAbsorbed() {
        PaymentSucceeded p1 = Events.paymentFor(r1, "p1").build();
        h.pipe(p1);
        h.advance(TicketingConfig.DEFAULT_ORPHAN_TIMEOUT);
        assertThat(h.refundsRequested()).hasSize(1);
        h.pipe(p1);
        h.advance(TicketingConfig.DEFAULT_ORPHAN_TIMEOUT.multipliedBy(2));
        h.pipe(r1);
        assertThat(h.refundsRequested()).isEmpty();
        assertThat(h.ticketsIssued()).isEmpty();
    }

    @Test
    void anOrphanFailureIsDroppedAndCounted() {
        PaymentFailed f1 = Events.failureFor(r1, "f1").build();
        h.pipe(f1);
        h.pipe(Events.expiryOf(r1).build());
        h.advance(TicketingConfig.DEFAULT_ORPHAN_TIMEOUT);
        assertThat(h.refundsRequested()).isEmpty();
        assertThat(h.order(f1.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(Metrics.total(h, "orphans-dropped-total", "reservation-router")).isEqualTo(2.0);
    }

    @Test
    void aReservationArrivingWithinTheOrphanTimeoutReleasesTheHeldPayment() {
        h.pipe(Events.paymentFor(r1, "p1").build());
        h.advance(TicketingConfig.DEFAULT_ORPHAN_TIMEOUT.minusSeconds(1));
        h.pipe(r1);
        h.advance(TicketingConfig.DEFAULT_ORPHAN_TIMEOUT);
        assertThat(h.ticketsIssued()).hasSize(1);
        assertThat(h.refundsRequested()).isEmpty();
    }

    @Test
    void terminalStateIsPurgedAfterRetentionButSoldSeatsAndTicketsStay() {
        ReservationCreated r2 = Events.created("r2", "s2").build();
        PaymentSucceeded p1 = Events.paymentFor(r1, "p1").build();
        PaymentFailed f2 = Events.failureFor(r2, "f2").build();
        h.pipe(r1);
        h.pipe(p1);
        h.pipe(r2);
        h.pipe(f2);
        String ticketId = TicketCodes.ticketId("r1", r1.createdAt());
        h.advance(TicketingConfig.DEFAULT_RETENTION.minusHours(1));
        assertThat(h.reservation("r1")).isPresent();
        assertThat(h.order(p1.orderId())).isPresent();

        h.advance(Duration.ofHours(2));

        assertThat(h.reservation("r1")).isEmpty();
        assertThat(h.reservation("r2")).isEmpty();
        assertThat(h.order(p1.orderId())).isEmpty();
        assertThat(h.order(f2.orderId())).isEmpty();
        // r2 (failed, never paid) is gone everywhere; r1 keeps one record in the router and one at
        // its seat, as long as the seat it bought, so a late copy of p1 is never refunded as well (I3).
        assertThat(h.size(StoreNames.SEAT_RESERVATIONS)).isEqualTo(1);
        assertThat(h.size(StoreNames.RESERVATION_ROUTES)).isEqualTo(1);
        assertThat(h.size(StoreNames.PENDING_COMMANDS)).isZero();
        assertThat(h.size(StoreNames.ROUTER_TIMERS)).isZero();
        assertThat(h.size(StoreNames.SEAT_TIMERS)).isZero();
        // kept: the sold seat, the ticket and its lookups
        assertThat(h.seat("s1").orElseThrow().status()).isEqualTo(SeatStatus.SOLD);
        assertThat(h.ticket(ticketId)).isPresent();
        assertThat(h.customerTickets(r1.customerId())).isPresent();
    }

    @Test
    void aCopyOfReservationCreatedAfterThePurgeDoesNotUnsellTheSeat() {
        h.pipe(r1);
        h.pipe(Events.paymentFor(r1, "p1").build());
        h.advance(TicketingConfig.DEFAULT_RETENTION.plusDays(1));
        assertThat(h.reservation("r1")).isEmpty();
        h.pipe(r1);
        assertThat(h.seat("s1").orElseThrow().status()).isEqualTo(SeatStatus.SOLD);
        assertThat(h.seat("s1").orElseThrow().reservationId()).isEqualTo("r1");
        assertThat(h.reservation("r1")).isEmpty();
        assertThat(h.summary(r1.eventId())).containsExactly(java.util.Map.entry("VIP|SOLD", 1L));
    }

    @Test
    void aCopyOfTheTicketingPaymentAfterThePurgeIsNeitherRefundedNorTicketedAgain() {
        PaymentSucceeded p1 = Events.paymentFor(r1, "p1").build();
        h.pipe(r1);
        h.pipe(p1);
        h.advance(TicketingConfig.DEFAULT_RETENTION.plusDays(1));
        assertThat(h.reservation("r1")).isEmpty();
        assertThat(h.ticketsIssued()).hasSize(1);

        h.pipe(p1);
        h.advance(TicketingConfig.DEFAULT_ORPHAN_TIMEOUT.plusMinutes(1));

        assertThat(h.ticketsIssued()).isEmpty();
        assertThat(h.refundsRequested()).isEmpty();
    }

    @Test
    void aSecondPaymentAfterThePurgeOfATicketedReservationIsRefundedAsADuplicate() {
        h.pipe(r1);
        h.pipe(Events.paymentFor(r1, "p1").build());
        h.advance(TicketingConfig.DEFAULT_RETENTION.plusDays(1));
        h.ticketsIssued();

        h.pipe(Events.paymentFor(r1, "p2").build());

        assertThat(h.ticketsIssued()).isEmpty();
        assertThat(h.refundsRequested()).singleElement()
                .satisfies(r -> assertThat(r.value().reason()).isEqualTo("duplicate-payment"));
    }

    @Test
    void refundedOrphansAreForgottenAfterRetention() {
        h.pipe(Events.paymentFor(r1, "p1").build());
        h.advance(TicketingConfig.DEFAULT_ORPHAN_TIMEOUT);
        assertThat(h.size(StoreNames.PENDING_COMMANDS)).isEqualTo(1);
        h.advance(TicketingConfig.DEFAULT_RETENTION.plusHours(1));
        assertThat(h.size(StoreNames.PENDING_COMMANDS)).isZero();
        assertThat(h.size(StoreNames.ROUTER_TIMERS)).isZero();
    }

    // Retention counts from an entity's last change, not its first; TTL timers are never cancelled
    // (TimerIndex): one set for an earlier state fires and must leave the current one alone.

    @Test
    void aReservationViewChangedAfterItsFirstTerminalWriteStaysARetentionAfterTheLastChange() {
        h.pipe(r1);
        h.advanceTo(r1.expiresAt().plus(GRACE).plusSeconds(1));
        assertThat(h.reservation("r1").orElseThrow().status()).isEqualTo(ReservationStatus.EXPIRED);
        h.advance(Duration.ofDays(1));
        // Paid in time, read a day late (our lag): honoured, the view changes again.
        h.pipe(Events.paymentFor(r1, "p1").processedAt(r1.expiresAt().minusSeconds(1)).build());
        assertThat(h.reservation("r1").orElseThrow().status()).isEqualTo(ReservationStatus.TICKETED);

        h.advance(TicketingConfig.DEFAULT_RETENTION.minusDays(1).plusHours(1)); // a retention after it EXPIRED
        assertThat(h.reservation("r1")).isPresent();

        h.advance(Duration.ofDays(1));
        assertThat(h.reservation("r1")).isEmpty();
    }

    @Test
    void resolvedOrphansAreRememberedARetentionAfterTheLastResolution() {
        PaymentSucceeded p1 = Events.paymentFor(r1, "p1").build();
        PaymentSucceeded p2 = Events.paymentFor(r1, "p2").build();
        h.pipe(p1);
        h.advance(TicketingConfig.DEFAULT_ORPHAN_TIMEOUT);
        assertThat(h.refundsRequested()).hasSize(1);
        h.advance(Duration.ofDays(1));
        h.pipe(p2);
        h.advance(TicketingConfig.DEFAULT_ORPHAN_TIMEOUT);
        assertThat(h.refundsRequested()).hasSize(1);

        h.advance(TicketingConfig.DEFAULT_RETENTION.minusDays(1)); // a retention after p1 was resolved
        h.pipe(p2);
        h.advance(TicketingConfig.DEFAULT_ORPHAN_TIMEOUT);
        assertThat(h.refundsRequested()).as("p2 is still remembered as refunded").isEmpty();

        h.advance(Duration.ofDays(1));
        assertThat(h.size(StoreNames.PENDING_COMMANDS)).isZero();
        assertThat(h.size(StoreNames.ROUTER_TIMERS)).isZero();
    }

    @Test
    void aTicketedReservationsExpiryTimerFiresAndChangesNothing() {
        h.pipe(r1);
        h.pipe(Events.paymentFor(r1, "p1").build());
        assertThat(h.size(StoreNames.SEAT_TIMERS)).isEqualTo(1);
        h.advanceTo(r1.expiresAt().plus(GRACE).plusSeconds(1));
        assertThat(h.reservationsExpired()).isEmpty();
        assertThat(h.seat("s1").orElseThrow().status()).isEqualTo(SeatStatus.SOLD);
        assertThat(h.size(StoreNames.SEAT_TIMERS)).isZero();
    }
}
