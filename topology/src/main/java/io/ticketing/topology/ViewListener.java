package io.ticketing.topology;

import io.ticketing.topology.view.OrderView;
import io.ticketing.topology.view.ReservationView;
import io.ticketing.topology.view.SeatView;
import java.util.List;

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

    /** A seat's new state, on the instance whose arbiter decided it (written, not yet committed). */
    default void seatChanged(SeatView view) {
    }

    /** Tells each of {@code listeners}, in order. */
    static ViewListener all(ViewListener... listeners) {
        List<ViewListener> each = List.of(listeners);
        return new ViewListener() {
            @Override
            public void reservationChanged(ReservationView view) {
                each.forEach(l -> l.reservationChanged(view));
            }

            @Override
            public void orderChanged(OrderView view) {
                each.forEach(l -> l.orderChanged(view));
            }

            @Override
            public void seatChanged(SeatView view) {
                each.forEach(l -> l.seatChanged(view));
            }
        };
    }
}
