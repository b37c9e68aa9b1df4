package io.ticketing.topology.view;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order (store {@code orders}, key orderId), as the seed's Ordering service tracks it, and every
 * refund requested for one of its payments: an order can be CONFIRMED and still have had a second
 * payment refunded ({@code duplicate-payment}), which its status alone would hide.
 */
public record OrderView(
        String orderId,
        String customerId,
        List<String> reservationIds,
        String paymentId,
        BigDecimal amount,
        String currency,
        OrderStatus status,
        List<String> ticketIds,
        Instant updatedAt,
        List<Refund> refunds) {

    /** A refund requested for one payment of the order, with the reason of refund-requested. */
    public record Refund(String paymentId, String reason) {
    }

    public OrderView {
        refunds = refunds == null ? List.of() : List.copyOf(refunds);
    }

    /** An order without refunds. */
    public OrderView(String orderId, String customerId, List<String> reservationIds, String paymentId,
            BigDecimal amount, String currency, OrderStatus status, List<String> ticketIds, Instant updatedAt) {
        this(orderId, customerId, reservationIds, paymentId, amount, currency, status, ticketIds, updatedAt, List.of());
    }
}
