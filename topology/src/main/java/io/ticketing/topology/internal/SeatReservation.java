package io.ticketing.topology.internal;

import io.ticketing.events.ReservationCreated;
import io.ticketing.topology.view.ReservationStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * The arbiter's state of one reservation (store {@code seat-reservations}, key reservationId, living
 * in the task of the reservation's seat).
 *
 * @param decidedPaymentIds every payment-succeeded already answered (a ticket or a refund): a copy of
 *                          one of them is a duplicate and changes nothing
 * @param terminalAtMillis  wall-clock millis when it left ACTIVE (retention counts from here), or 0
 * @param viewPurged        its reservation view was purged at the end of the retention period, while
 *                          this record stays (TICKETED: kept as long as the seat it bought)
 */
public record SeatReservation(
        ReservationCreated created,
        ReservationStatus status,
        String paymentId,
        String orderId,
        String ticketId,
        List<String> decidedPaymentIds,
        long terminalAtMillis,
        boolean viewPurged) {

    public SeatReservation {
        decidedPaymentIds = decidedPaymentIds == null ? List.of() : List.copyOf(decidedPaymentIds);
    }

    public static SeatReservation of(ReservationCreated created, ReservationStatus status, long nowMillis) {
        return new SeatReservation(created, status, null, null, null, List.of(),
                status.isTerminal() ? nowMillis : 0L, false);
    }

    public boolean decided(String paymentId) {
        return decidedPaymentIds.contains(paymentId);
    }

    public SeatReservation withDecided(String paymentId) {
        List<String> ids = new ArrayList<>(decidedPaymentIds);
        ids.add(paymentId);
        return new SeatReservation(created, status, this.paymentId, orderId, ticketId, ids, terminalAtMillis, viewPurged);
    }

    public SeatReservation moveTo(ReservationStatus next, long nowMillis) {
        return new SeatReservation(created, next, paymentId, orderId, ticketId, decidedPaymentIds,
                next.isTerminal() && terminalAtMillis == 0 ? nowMillis : terminalAtMillis, viewPurged);
    }

    public SeatReservation ticketed(String byPaymentId, String byOrderId, String newTicketId, long nowMillis) {
        // Retention counts from here even when it had left ACTIVE before (paid in time, read late): a
        // ticket's reservation stays visible a full retention period after it was issued.
        return new SeatReservation(created, ReservationStatus.TICKETED, byPaymentId, byOrderId, newTicketId,
                decidedPaymentIds, nowMillis, viewPurged);
    }

    public SeatReservation withViewPurged() {
        return new SeatReservation(created, status, paymentId, orderId, ticketId, decidedPaymentIds, terminalAtMillis,
                true);
    }

    public SeatReservation failedBy(String byPaymentId, String byOrderId, long nowMillis) {
        return new SeatReservation(created, ReservationStatus.PAYMENT_FAILED, byPaymentId, byOrderId, ticketId,
                decidedPaymentIds, terminalAtMillis == 0 ? nowMillis : terminalAtMillis, viewPurged);
    }
}
