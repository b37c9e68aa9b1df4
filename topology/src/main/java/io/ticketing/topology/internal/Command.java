package io.ticketing.topology.internal;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.ticketing.events.PaymentFailed;
import io.ticketing.events.PaymentSucceeded;
import io.ticketing.events.ReservationCreated;
import io.ticketing.events.ReservationExpired;
import io.ticketing.events.SeatListed;

/**
 * What travels on the repartition topics {@code reservation-commands} (key reservationId) and
 * {@code seat-commands} (key seatId): a valid input event, or one of the router's two corrections for a
 * reservation created twice at two seats. The type tag lives here, on the internal wrapper only: the
 * public event records keep the platform's JSON exactly.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Command.Create.class, name = "create"),
        @JsonSubTypes.Type(value = Command.Expire.class, name = "expire"),
        @JsonSubTypes.Type(value = Command.Pay.class, name = "pay"),
        @JsonSubTypes.Type(value = Command.Fail.class, name = "fail"),
        @JsonSubTypes.Type(value = Command.Revoke.class, name = "revoke"),
        @JsonSubTypes.Type(value = Command.Refresh.class, name = "refresh"),
        @JsonSubTypes.Type(value = Command.Stock.class, name = "stock")})
public sealed interface Command {

    String reservationId();

    /** What makes two commands "the same event again" (CONTRACT §3, last row). */
    String identity();

    record Create(ReservationCreated event) implements Command {
        @Override
        public String reservationId() {
            return event.reservationId();
        }

        @Override
        public String identity() {
            return "create";
        }
    }

    record Expire(ReservationExpired event) implements Command {
        @Override
        public String reservationId() {
            return event.reservationId();
        }

        @Override
        public String identity() {
            return "expire";
        }
    }

    record Pay(PaymentSucceeded event) implements Command {
        @Override
        public String reservationId() {
            return event.reservationId();
        }

        @Override
        public String identity() {
            return "pay|" + event.paymentId();
        }
    }

    record Fail(PaymentFailed event) implements Command {
        @Override
        public String reservationId() {
            return event.reservationId();
        }

        @Override
        public String identity() {
            return "fail|" + event.paymentId();
        }
    }

    /**
     * The router's answer to a second seat claiming a reservation another seat already holds (the same
     * reservationId created twice, for two seats, read by both before either was routed): that seat drops
     * it and frees itself if it was holding for it. The first seat routed stands.
     */
    record Revoke(String reservationId, String seatId) implements Command {
        @Override
        public String identity() {
            return "revoke|" + seatId;
        }
    }

    /**
     * A seat of a show's inventory: about a seat, not a reservation (its reservationId is null), so it
     * goes to its seat directly and never through the router.
     */
    record Stock(SeatListed event) implements Command {
        @Override
        public String reservationId() {
            return null;
        }

        @Override
        public String identity() {
            return "stock";
        }
    }

    /** Sent with a {@link Revoke} to the seat that stands: write the reservation view again. */
    record Refresh(String reservationId) implements Command {
        @Override
        public String identity() {
            return "refresh";
        }
    }
}
