package io.ticketing.topology.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.events.PaymentSucceeded;
import io.ticketing.events.RefundRequested;
import io.ticketing.events.ReservationCreated;
import io.ticketing.topology.Events;
import io.ticketing.topology.TicketCodes;
import io.ticketing.topology.view.OrderStatus;
import io.ticketing.topology.view.ReservationStatus;
import io.ticketing.topology.view.SeatStatus;
import io.ticketing.topology.view.SeatView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CONTRACT §3, row by row, on the decision function alone: no Kafka, no stores. */
class SeatRulesTest {

    private static final long TS = Events.BASE.plusSeconds(60).toEpochMilli();
    private static final long NOW = TS + 5;

    private final SeatRules rules = new SeatRules(new TicketCodes("test-secret"));
    private final ReservationCreated c = Events.created("r1", "s1").build();

    private SeatRules.Decision decide(SeatReservation state, SeatView seat, Command command) {
        return rules.decide(state, seat, command, TS, NOW);
    }

    private SeatReservation state(ReservationStatus status) {
        return SeatReservation.of(c, status, NOW);
    }

    private SeatView seat(SeatStatus status, String holder) {
        return new SeatView("s1", c.eventId(), c.seatNumber(), c.section(), status, holder, Events.BASE);
    }

    private static Command pay(PaymentSucceeded p) {
        return new Command.Pay(p);
    }

    private static String refundReason(SeatRules.Decision d) {
        return d.emits().stream().filter(e -> e instanceof SeatRules.Refund)
                .map(e -> ((SeatRules.Refund) e).refund().reason()).findFirst().orElse(null);
    }

    private static boolean tickets(SeatRules.Decision d) {
        return d.emits().stream().anyMatch(e -> e instanceof SeatRules.Ticket);
    }

    @Test
    void unknownAndCreatedWithTheSeatFreeIsActiveAndHoldsIt() {
        for (SeatView free : new SeatView[] {null, seat(SeatStatus.AVAILABLE, null)}) {
            SeatRules.Decision d = decide(null, free, new Command.Create(c));
            assertThat(d.reservation().status()).isEqualTo(ReservationStatus.ACTIVE);
            assertThat(d.seat().status()).isEqualTo(SeatStatus.HELD);
            assertThat(d.seat().reservationId()).isEqualTo("r1");
            assertThat(d.emits()).isEmpty();
        }
    }

    @Test
    void unknownAndCreatedWithTheSeatTakenIsRejectedAndTheSeatUnchanged() {
        for (SeatStatus taken : new SeatStatus[] {SeatStatus.HELD, SeatStatus.SOLD}) {
            SeatView other = seat(taken, "r0");
            SeatRules.Decision d = decide(null, other, new Command.Create(c));
            assertThat(d.reservation().status()).isEqualTo(ReservationStatus.REJECTED);
            assertThat(d.seat()).isSameAs(other);
            assertThat(d.emits()).isEmpty();
        }
    }

    @Test
    void activeAndPaidIsTicketedTheSeatSoldAndATicketIssued() {
        SeatRules.Decision d = decide(state(ReservationStatus.ACTIVE), seat(SeatStatus.HELD, "r1"),
                pay(Events.paymentFor(c, "p1").build()));
        assertThat(d.reservation().status()).isEqualTo(ReservationStatus.TICKETED);
        assertThat(d.seat().status()).isEqualTo(SeatStatus.SOLD);
        SeatRules.Ticket ticket = (SeatRules.Ticket) d.emits().get(0);
        assertThat(ticket.ticket().ticketId()).isEqualTo(TicketCodes.ticketId("r1", c.createdAt()));
        assertThat(ticket.ticket().issuedAt()).isEqualTo(Instant.ofEpochMilli(TS));
        assertThat(((SeatRules.Order) d.emits().get(1)).update().status()).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void activeAndPaymentFailedFreesTheSeat() {
        SeatRules.Decision d = decide(state(ReservationStatus.ACTIVE), seat(SeatStatus.HELD, "r1"),
                new Command.Fail(Events.failureFor(c, "p1").build()));
        assertThat(d.reservation().status()).isEqualTo(ReservationStatus.PAYMENT_FAILED);
        assertThat(d.seat().status()).isEqualTo(SeatStatus.AVAILABLE);
        assertThat(((SeatRules.Order) d.emits().get(0)).update().status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void activeAndExpiredFreesTheSeatAndOnlyTheAppsOwnExpiryIsPublished() {
        SeatRules.Decision upstream = decide(state(ReservationStatus.ACTIVE), seat(SeatStatus.HELD, "r1"),
                new Command.Expire(Events.expiryOf(c).build()));
        assertThat(upstream.reservation().status()).isEqualTo(ReservationStatus.EXPIRED);
        assertThat(upstream.seat().status()).isEqualTo(SeatStatus.AVAILABLE);
        assertThat(upstream.emits()).isEmpty();

        SeatRules.Decision own = rules.ttlExpired(state(ReservationStatus.ACTIVE), seat(SeatStatus.HELD, "r1"), NOW);
        assertThat(own.reservation().status()).isEqualTo(ReservationStatus.EXPIRED);
        assertThat(own.emits()).singleElement().isInstanceOf(SeatRules.Expired.class);
    }

    @Test
    void lapsedAndPaidInTimeWithTheSeatStillFreeIsTicketed() {
        for (ReservationStatus lapsed : new ReservationStatus[] {ReservationStatus.PAYMENT_FAILED, ReservationStatus.EXPIRED}) {
            PaymentSucceeded atDeadline = Events.paymentFor(c, "p2").processedAt(c.expiresAt()).build();
            SeatRules.Decision d = decide(state(lapsed), seat(SeatStatus.AVAILABLE, null), pay(atDeadline));
            assertThat(d.reservation().status()).isEqualTo(ReservationStatus.TICKETED);
            assertThat(d.seat().status()).isEqualTo(SeatStatus.SOLD);
            assertThat(tickets(d)).isTrue();
        }
    }

    @Test
    void lapsedAndPaidOtherwiseIsRefundedWithWhy() {
        PaymentSucceeded late = Events.paymentFor(c, "p2").processedAt(c.expiresAt().plusMillis(1)).build();
        SeatRules.Decision lateOne = decide(state(ReservationStatus.EXPIRED), seat(SeatStatus.AVAILABLE, null), pay(late));
        assertThat(refundReason(lateOne)).isEqualTo("reservation-expired");
        assertThat(lateOne.reservation().status()).isEqualTo(ReservationStatus.EXPIRED);

        SeatView taken = seat(SeatStatus.HELD, "r0");
        SeatRules.Decision seatGone = decide(state(ReservationStatus.PAYMENT_FAILED), taken,
                pay(Events.paymentFor(c, "p2").build()));
        assertThat(refundReason(seatGone)).isEqualTo("seat-unavailable");
        assertThat(seatGone.seat()).isSameAs(taken);
        assertThat(tickets(seatGone)).isFalse();
    }

    @Test
    void rejectedAndPaidIsRefundedSeatUnavailable() {
        SeatRules.Decision d = decide(state(ReservationStatus.REJECTED), seat(SeatStatus.SOLD, "r0"),
                pay(Events.paymentFor(c, "p1").build()));
        assertThat(refundReason(d)).isEqualTo("seat-unavailable");
        assertThat(d.reservation().status()).isEqualTo(ReservationStatus.REJECTED);
    }

    @Test
    void ticketedAndPaidAgainIsNothingForTheSamePaymentAndADuplicateRefundForAnother() {
        SeatRules.Decision bought = decide(state(ReservationStatus.ACTIVE), seat(SeatStatus.HELD, "r1"),
                pay(Events.paymentFor(c, "p1").build()));
        SeatRules.Decision same = decide(bought.reservation(), bought.seat(), pay(Events.paymentFor(c, "p1").build()));
        assertThat(same.emits()).isEmpty();
        assertThat(same.reservation()).isSameAs(bought.reservation());

        SeatRules.Decision other = decide(bought.reservation(), bought.seat(), pay(Events.paymentFor(c, "p9").build()));
        assertThat(refundReason(other)).isEqualTo("duplicate-payment");
        assertThat(other.reservation().status()).isEqualTo(ReservationStatus.TICKETED);
        assertThat(other.seat()).isSameAs(bought.seat());
        // The order view keeps the refund visible beside CONFIRMED.
        assertThat(((SeatRules.Order) other.emits().get(1)).update().refunds())
                .extracting(r -> r.reason()).containsExactly("duplicate-payment");
    }

    @Test
    void ticketedAndALateLoserChangesNothing() {
        SeatReservation ticketed = state(ReservationStatus.ACTIVE).ticketed("p1", "o1", "t1", NOW);
        SeatView sold = seat(SeatStatus.SOLD, "r1");
        SeatRules.Decision failed = decide(ticketed, sold, new Command.Fail(Events.failureFor(c, "p2").build()));
        assertThat(failed.reservation()).isSameAs(ticketed);
        assertThat(failed.seat()).isSameAs(sold);
        SeatRules.Decision expired = decide(ticketed, sold, new Command.Expire(Events.expiryOf(c).build()));
        assertThat(expired.reservation()).isSameAs(ticketed);
        assertThat(expired.emits()).isEmpty();
    }

    @Test
    void anyPaymentBelowThePriceOrInAnotherCurrencyBuysNothingAndIsRefundedAmountMismatch() {
        ReservationCreated inUsd = Events.created("r1", "s1").currency("USD").build();
        SeatReservation active = SeatReservation.of(inUsd, ReservationStatus.ACTIVE, NOW);
        SeatView held = seat(SeatStatus.HELD, "r1");
        List<PaymentSucceeded> wrong = List.of(
                Events.paymentFor(inUsd, "p1").amount(inUsd.basePrice().subtract(new BigDecimal("0.01"))).currency("USD").build(),
                Events.paymentFor(inUsd, "p2").amount(BigDecimal.ZERO).currency("USD").build(),
                Events.paymentFor(inUsd, "p3").currency("EUR").build());
        for (PaymentSucceeded p : wrong) {
            SeatRules.Decision d = decide(active, held, pay(p));
            assertThat(refundReason(d)).as(p.paymentId()).isEqualTo("amount-mismatch");
            assertThat(d.reservation().status()).isEqualTo(ReservationStatus.ACTIVE);
            assertThat(d.seat()).isSameAs(held);
            assertThat(tickets(d)).isFalse();
            // Answered once: the same payment again changes nothing.
            assertThat(decide(d.reservation(), d.seat(), pay(p)).emits()).isEmpty();
        }
        PaymentSucceeded more = Events.paymentFor(inUsd, "p4").amount(new BigDecimal("70.00")).currency("usd").build();
        assertThat(tickets(decide(active, held, pay(more)))).isTrue();
    }

    @Test
    void aReservationWithoutACurrencyIsCheckedAgainstItsPriceOnly() {
        SeatRules.Decision d = decide(state(ReservationStatus.ACTIVE), seat(SeatStatus.HELD, "r1"),
                pay(Events.paymentFor(c, "p1").currency("JPY").build()));
        assertThat(tickets(d)).isTrue();
    }

    @Test
    void aPaymentForAReservationThisSeatNoLongerKeepsIsRefundedUnknown() {
        SeatRules.Decision d = decide(null, seat(SeatStatus.AVAILABLE, null), pay(Events.paymentFor(c, "p1").build()));
        assertThat(refundReason(d)).isEqualTo(RefundRequested.Reason.UNKNOWN_RESERVATION.wireName());
        assertThat(d.reservation()).isNull();
    }

    @Test
    void theSameCreateAgainChangesNothing() {
        SeatReservation active = state(ReservationStatus.ACTIVE);
        SeatView held = seat(SeatStatus.HELD, "r1");
        SeatRules.Decision d = decide(active, held, new Command.Create(c));
        assertThat(d.reservation()).isSameAs(active);
        assertThat(d.seat()).isSameAs(held);
        // After its state was purged, the seat still names it: nothing is held twice.
        assertThat(decide(null, seat(SeatStatus.SOLD, "r1"), new Command.Create(c)).reservation()).isNull();
    }

    @Test
    void aRevokedReservationLetsGoOfTheSeatItHeldAndIsForgotten() {
        SeatRules.Decision d = decide(state(ReservationStatus.ACTIVE), seat(SeatStatus.HELD, "r1"),
                new Command.Revoke("r1", "s1"));
        assertThat(d.reservation()).isNull();
        assertThat(d.seat().status()).isEqualTo(SeatStatus.AVAILABLE);
        // A revoke for another seat's copy leaves this one alone.
        SeatReservation active = state(ReservationStatus.ACTIVE);
        assertThat(decide(active, seat(SeatStatus.HELD, "r1"), new Command.Revoke("r1", "s2")).reservation())
                .isSameAs(active);
    }
}
