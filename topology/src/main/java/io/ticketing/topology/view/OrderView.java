package io.ticketing.topology.view;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order (store {@code orders}, key orderId), as the seed's Ordering service tracks it. */
public record OrderView(
        String orderId,
        String customerId,
        List<String> reservationIds,
        String paymentId,
        BigDecimal amount,
        String currency,
        OrderStatus status,
        List<String> ticketIds,
        Instant updatedAt) {
}
