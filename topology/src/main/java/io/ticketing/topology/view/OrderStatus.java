package io.ticketing.topology.view;

/**
 * CONTRACT §3 orders. Declared in rank order: an order's status only moves up the ranks, which makes
 * the order view a commutative fold of its updates (they reach the view from two sub-topologies in
 * no guaranteed order).
 */
public enum OrderStatus {
    /** A payment was seen, its reservation not yet. */
    PENDING,
    /** The payment failed. */
    CANCELLED,
    /** Money was taken that cannot be honoured; a refund was requested. */
    REFUND_REQUIRED,
    /** A ticket was issued. */
    CONFIRMED
}
