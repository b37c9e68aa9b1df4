package io.ticketing.serdes;

import io.ticketing.events.PaymentFailed;
import io.ticketing.events.PaymentSucceeded;
import io.ticketing.events.ReservationCreated;
import io.ticketing.events.ReservationExpired;
import io.ticketing.events.SeatListed;
import io.ticketing.events.TicketingEvent;
import java.util.List;

/** The rules of CONTRACT §6 per event type. Returns every problem found, not just the first. */
public final class EventValidator {

    private EventValidator() {
    }

    public static List<String> problems(TicketingEvent event) {
        if (event instanceof ReservationCreated e) {
            return reservationCreated(e);
        }
        if (event instanceof ReservationExpired e) {
            return reservationExpired(e);
        }
        if (event instanceof PaymentSucceeded e) {
            return paymentSucceeded(e);
        }
        if (event instanceof PaymentFailed e) {
            return paymentFailed(e);
        }
        if (event instanceof SeatListed e) {
            return seatListed(e);
        }
        return List.of();
    }

    static List<String> reservationCreated(ReservationCreated e) {
        return new Validation()
                .schemaVersion(e.schemaVersion())
                .id("eventId", e.eventId())
                .id("reservationId", e.reservationId())
                .id("customerId", e.customerId())
                .id("seatId", e.seatId())
                .present("seatNumber", e.seatNumber())
                .keyPart("section", e.section(), "|", Ids.MAX_LENGTH)
                .money("basePrice", e.basePrice())
                .optionalCurrency(e.currency())
                .present("createdAt", e.createdAt())
                .present("expiresAt", e.expiresAt())
                .notBefore("expiresAt", e.expiresAt(), "createdAt", e.createdAt())
                .status(e.expectedStatus(), e.status())
                .problems();
    }

    static List<String> reservationExpired(ReservationExpired e) {
        return new Validation()
                .schemaVersion(e.schemaVersion())
                .id("reservationId", e.reservationId())
                .id("seatId", e.seatId())
                .notBefore("expiresAt", e.expiresAt(), "createdAt", e.createdAt())
                .status(e.expectedStatus(), e.status())
                .problems();
    }

    static List<String> paymentSucceeded(PaymentSucceeded e) {
        return new Validation()
                .schemaVersion(e.schemaVersion())
                .id("paymentId", e.paymentId())
                .id("orderId", e.orderId())
                .id("customerId", e.customerId())
                .id("reservationId", e.reservationId())
                .money("amount", e.amount())
                .currency(e.currency())
                .present("processedAt", e.processedAt())
                .status(e.expectedStatus(), e.status())
                .problems();
    }

    static List<String> seatListed(SeatListed e) {
        return new Validation()
                .schemaVersion(e.schemaVersion())
                .id("seatId", e.seatId())
                .id("eventId", e.eventId())
                .keyPart("section", e.section(), "|", Ids.MAX_LENGTH)
                .keyPart("row", e.row(), "|", Ids.MAX_LENGTH)
                .positive("number", e.number())
                .money("price", e.price())
                .optionalCurrency(e.currency())
                .optionalStatus(e.expectedStatus(), e.status())
                .problems();
    }

    static List<String> paymentFailed(PaymentFailed e) {
        return new Validation()
                .schemaVersion(e.schemaVersion())
                .id("paymentId", e.paymentId())
                .id("orderId", e.orderId())
                .id("customerId", e.customerId())
                .id("reservationId", e.reservationId())
                .money("amount", e.amount())
                .currency(e.currency())
                .status(e.expectedStatus(), e.status())
                .problems();
    }
}
