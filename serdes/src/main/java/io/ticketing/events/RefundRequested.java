package io.ticketing.events;

import java.math.BigDecimal;
import java.time.Instant;

/** Money was taken for a reservation that cannot be honoured: it must go back to the customer. */
public record RefundRequested(
        String schemaVersion,
        String paymentId,
        String orderId,
        String customerId,
        String reservationId,
        BigDecimal amount,
        String currency,
        String reason,
        Instant requestedAt,
        String status) implements TicketingEvent {

    public static final String STATUS = "refund-requested";

    /** Why a payment cannot be honoured; the wire value is {@link #wireName()}. */
    public enum Reason {
        RESERVATION_EXPIRED("reservation-expired"),
        SEAT_UNAVAILABLE("seat-unavailable"),
        DUPLICATE_PAYMENT("duplicate-payment"),
        UNKNOWN_RESERVATION("unknown-reservation"),
        AMOUNT_MISMATCH("amount-mismatch");

        private final String wireName;

        Reason(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static Reason fromWireName(String value) {
            for (Reason reason : values()) {
                if (reason.wireName.equals(value)) {
                    return reason;
                }
            }
            throw new IllegalArgumentException("unknown refund reason: " + value);
        }
    }

    @Override
    public String expectedStatus() {
        return STATUS;
    }
}
