package io.ticketing.events;

import java.math.BigDecimal;
import java.time.Instant;

/** Payment was declined or failed; no money moved. */
public record PaymentFailed(
        String schemaVersion,
        String paymentId,
        String orderId,
        String customerId,
        String reservationId,
        BigDecimal amount,
        String currency,
        String paymentMethod,
        String errorCode,
        String errorMessage,
        String failureReason,
        Instant attemptedAt,
        String status) implements UpstreamEvent {

    public static final String STATUS = "failed";

    @Override
    public String expectedStatus() {
        return STATUS;
    }
}
