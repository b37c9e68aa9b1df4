package io.ticketing.topology.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.events.PaymentFailed;
import io.ticketing.events.PaymentSucceeded;
import io.ticketing.events.ReservationCreated;
import io.ticketing.events.ReservationExpired;
import io.ticketing.events.TicketingEvent;
import io.ticketing.topology.view.OrderStatus;
import io.ticketing.topology.view.ReservationStatus;
import io.ticketing.topology.view.SeatStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The reference model checked by hand against the rows of CONTRACT §3 it is most likely to get wrong. */
class ReferenceModelTest {

    private static final Instant T0 = ModelSettings.START;
    private static final Instant EXPIRES = T0.plusSeconds(600).plusMillis(500);

    private final ReferenceModel model = new ReferenceModel(T0);

    @Test
    void twoReservationsForOneSeat_theSecondIsRejectedAndItsPaymentRefunded() {
        pipe(created("r1", "s1"));
        pipe(created("r2", "s1"));
        pipe(paid("p2", "r2", T0));
        pipe(paid("p1", "r1", T0));

        assertThat(model.reservations.get("r2").status).isEqualTo(ReservationStatus.REJECTED);
        assertThat(model.seats.get("s1").status).isEqualTo(SeatStatus.SOLD);
        assertThat(model.seats.get("s1").holder).isEqualTo("r1");
        assertThat(model.tickets).singleElement().asString().contains("paymentId=p1");
        assertThat(model.refunds).singleElement().asString().contains("paymentId=p2", "reason=seat-unavailable");
    }

    @Test
    void aPaymentBeforeItsReservationWaitsAndIsAppliedWhenItArrives() {
        pipe(paid("p1", "r1", T0));
        assertThat(model.orders.get("o-p1").status).isEqualTo(OrderStatus.PENDING);

        pipe(created("r1", "s1"));

        assertThat(model.reservations.get("r1").status).isEqualTo(ReservationStatus.TICKETED);
        assertThat(model.orders.get("o-p1").status).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(model.tickets).hasSize(1);
    }

    @Test
    void anOrphanSuccessIsRefundedOnlyAfterTheOrphanTimeout() {
        pipe(paid("p1", "r1", T0));
        model.apply(new Step.Advance(ModelSettings.ORPHAN_TIMEOUT.minusSeconds(1)));
        assertThat(model.refunds).isEmpty();

        model.apply(new Step.Advance(Duration.ofSeconds(1)));

        assertThat(model.refunds).singleElement().asString().contains("reason=unknown-reservation");
    }

    @Test
    void theAppExpiresAtExpiresAtPlusGraceAndStillHonoursAPaymentMadeInTime() {
        pipe(created("r1", "s1"));
        model.apply(new Step.Advance(Duration.between(T0, EXPIRES.plus(ModelSettings.GRACE)).minusMillis(500)));
        assertThat(model.reservations.get("r1").status).isEqualTo(ReservationStatus.ACTIVE);
        model.apply(new Step.Advance(Duration.ofSeconds(1)));
        assertThat(model.reservations.get("r1").status).isEqualTo(ReservationStatus.EXPIRED);
        assertThat(model.expiries).hasSize(1);

        pipe(paid("p1", "r1", EXPIRES)); // exactly at expiresAt: in time

        assertThat(model.reservations.get("r1").status).isEqualTo(ReservationStatus.TICKETED);
        assertThat(model.tickets).hasSize(1);
    }

    @Test
    void aLatePaymentOnAnExpiredReservationIsRefundedAsExpired_andAnInTimeOneAsSeatUnavailableWhenTheSeatIsTaken() {
        pipe(created("r1", "s1"));
        pipe(expired("r1", "s1"));
        pipe(created("r2", "s1"));
        pipe(paid("p1", "r1", EXPIRES.plusMillis(1)));
        pipe(paid("p1b", "r1", EXPIRES.minusSeconds(1)));

        assertThat(model.refunds).hasSize(2);
        assertThat(model.refunds.get(0)).contains("paymentId=p1 ", "reason=reservation-expired");
        assertThat(model.refunds.get(1)).contains("paymentId=p1b ", "reason=seat-unavailable");
        assertThat(model.seats.get("s1").holder).isEqualTo("r2");
    }

    @Test
    void aSecondPaymentOfATicketedReservationIsRefundedAsDuplicate_theSamePaymentAgainIsIgnored() {
        pipe(created("r1", "s1"));
        pipe(paid("p1", "r1", T0));
        pipe(paid("p1", "r1", T0));
        pipe(paid("p2", "r1", T0));
        pipe(failed("p3", "r1"));

        assertThat(model.tickets).hasSize(1);
        assertThat(model.refunds).singleElement().asString().contains("paymentId=p2", "reason=duplicate-payment");
        assertThat(model.reservations.get("r1").status).isEqualTo(ReservationStatus.TICKETED);
    }

    @Test
    void aFailedPaymentReleasesTheSeatForTheNextReservation() {
        pipe(created("r1", "s1"));
        pipe(failed("p1", "r1"));
        pipe(created("r2", "s1"));

        assertThat(model.reservations.get("r1").status).isEqualTo(ReservationStatus.PAYMENT_FAILED);
        assertThat(model.reservations.get("r2").status).isEqualTo(ReservationStatus.ACTIVE);
        assertThat(model.seats.get("s1").holder).isEqualTo("r2");
        assertThat(model.orders.get("o-p1").status).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void poisonIsDeadLettered() {
        model.apply(new Step.Input("payment-succeeded", null, "nope".getBytes(), null, "poison"));

        assertThat(model.deadLetters).singleElement().asString().contains("from=payment-succeeded");
    }

    private void pipe(TicketingEvent event) {
        String topic = event instanceof ReservationCreated ? "reservation-created"
                : event instanceof ReservationExpired ? "reservation-expired"
                : event instanceof PaymentSucceeded ? "payment-succeeded" : "payment-failed";
        model.apply(new Step.Input(topic, null, HistoryGenerator.json(event), event, ""));
    }

    private static ReservationCreated created(String reservationId, String seatId) {
        return new ReservationCreated(null, "show", reservationId, "c1", seatId, "A-1", "VIP", new BigDecimal("50.00"),
                T0, EXPIRES, "active");
    }

    private static ReservationExpired expired(String reservationId, String seatId) {
        return new ReservationExpired(null, reservationId, seatId, "c1", T0, EXPIRES, EXPIRES, "expired");
    }

    private static PaymentSucceeded paid(String paymentId, String reservationId, Instant at) {
        return new PaymentSucceeded(null, paymentId, "o-" + paymentId, "c1", reservationId, new BigDecimal("50.00"),
                "USD", "card", "t", at, "succeeded");
    }

    private static PaymentFailed failed(String paymentId, String reservationId) {
        return new PaymentFailed(null, paymentId, "o-" + paymentId, "c1", reservationId, new BigDecimal("50.00"),
                "USD", "card", "declined", "no", "no", T0, "failed");
    }
}
