package io.ticketing.events;

import java.math.BigDecimal;
import java.time.Instant;

/** Payment captured money for a reservation. */
public record PaymentSucceeded(
        String schemaVersion,
        String paymentId,
        String orderId,
        String customerId,
        String reservationId,
        BigDecimal amount,
        String currency,
        String paymentMethod,
        String transactionId,
        Instant processedAt,
        String status) implements UpstreamEvent {

    public static final String STATUS = "succeeded";

    @Override
    public String expectedStatus() {
        return STATUS;
    }
}
