package io.ticketing.topology;

import io.ticketing.topology.view.OrderView;
import io.ticketing.topology.view.ReservationView;

/**
 * Told, on the instance that owns the key, after a view has been written to its store. Called on a
 * stream thread: implementations must return at once (hand off, never block).
 */
public interface ViewListener {

    ViewListener NONE = new ViewListener() {
    };

    default void reservationChanged(ReservationView view) {
    }

    default void orderChanged(OrderView view) {
    }
}
