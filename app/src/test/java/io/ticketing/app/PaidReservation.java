package io.ticketing.app;

import io.ticketing.events.PaymentSucceeded;
import io.ticketing.events.ReservationCreated;
import io.ticketing.topology.Events;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A reservation on its own seat and its successful payment, as upstream would publish them now
 * (built with the topology's shared {@link Events} fixtures, on the wall clock: the app enforces TTLs
 * by the wall clock).
 */
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
        ReservationCreated reservation = Events.created(reservationId, seatId).eventId(eventId).heldFrom(now).build();
        PaymentSucceeded payment = Events.paymentFor(reservation, paymentId).orderId(orderId)
                .processedAt(now.plusSeconds(1)).build();
        return new PaidReservation(reservationId, seatId, orderId, paymentId, text(Events.json(reservation)),
                text(Events.json(payment)));
    }

    private static String text(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }
}
