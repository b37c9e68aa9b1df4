package io.ticketing.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ticketing.events.PaymentSucceeded;
import io.ticketing.events.ReservationCreated;
import io.ticketing.serdes.Json;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A reservation and its successful payment, on its own seat, as upstream would publish them. */
record PaidReservation(String reservationId, String seatId, String orderId, String paymentId,
                       String reservationJson, String paymentJson) {

    static PaidReservation fresh(String eventId) {
        return forSeat(eventId, UUID.randomUUID().toString());
    }

    static PaidReservation forSeat(String eventId, String seatId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String reservationId = UUID.randomUUID().toString();
        String orderId = "order-" + UUID.randomUUID();
        String paymentId = "payment-" + UUID.randomUUID();
        ReservationCreated reservation = new ReservationCreated("1.0", eventId, reservationId, "customer-e2e",
                seatId, "B-3-7", "B", new BigDecimal("65.00"), now, now.plus(Duration.ofMinutes(15)),
                ReservationCreated.STATUS);
        PaymentSucceeded payment = new PaymentSucceeded("1.0", paymentId, orderId, "customer-e2e", reservationId,
                new BigDecimal("65.00"), "EUR", "credit_card", "txn-" + reservationId, now.plusSeconds(1),
                PaymentSucceeded.STATUS);
        return new PaidReservation(reservationId, seatId, orderId, paymentId, json(reservation), json(payment));
    }

    private static String json(Object event) {
        try {
            return Json.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
