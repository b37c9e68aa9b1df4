package io.ticketing.topology.view;

/** CONTRACT §3. */
public enum ReservationStatus {
    ACTIVE, TICKETED, PAYMENT_FAILED, EXPIRED, REJECTED;

    public boolean isTerminal() {
        return this != ACTIVE;
    }
}
