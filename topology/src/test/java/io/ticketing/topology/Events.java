package io.ticketing.topology;

import io.ticketing.events.PaymentFailed;
import io.ticketing.events.PaymentSucceeded;
import io.ticketing.events.ReservationCreated;
import io.ticketing.events.ReservationExpired;
import io.ticketing.serdes.Json;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * Builds valid input events with sensible defaults; every field can be overridden. Shared with the
 * model tests and the app's end-to-end tests (topology test-jar).
 *
 * <pre>{@code
 * ReservationCreated c = Events.created("r1", "s1").eventId("show-2").build();
 * PaymentSucceeded p = Events.paymentFor(c, "p1").processedAt(c.expiresAt().plusSeconds(1)).build();
 * }</pre>
 *
 * Defaults: show {@code show-1}, customer {@code customer-1}, section {@code VIP}, price 50.00 EUR,
 * created at {@link #BASE}, held for {@link #HOLD}, paid {@link #PAID_AFTER} after creation.
 */
public final class Events {

    /** The seed's reservation time; also the harness' initial wall clock. */
    public static final Instant BASE = Instant.parse("2026-03-04T20:30:00Z");
    public static final Duration HOLD = Duration.ofMinutes(15);
    public static final Duration PAID_AFTER = Duration.ofMinutes(5);
    public static final String SHOW = "show-1";
    public static final String CUSTOMER = "customer-1";
    public static final String SECTION = "VIP";
    public static final BigDecimal PRICE = new BigDecimal("50.00");
    public static final String CURRENCY = "EUR";

    private Events() {
    }

    public static Created created(String reservationId, String seatId) {
        return new Created(reservationId, seatId);
    }

    public static Succeeded succeeded(String paymentId, String reservationId) {
        return new Succeeded(paymentId, reservationId);
    }

    public static Failed failed(String paymentId, String reservationId) {
        return new Failed(paymentId, reservationId);
    }

    public static Expired expired(String reservationId, String seatId) {
        return new Expired(reservationId, seatId);
    }

    /** A payment for {@code c}: same customer, its price, processed {@link #PAID_AFTER} after creation. */
    public static Succeeded paymentFor(ReservationCreated c, String paymentId) {
        return succeeded(paymentId, c.reservationId()).customerId(c.customerId()).amount(c.basePrice())
                .processedAt(c.createdAt().plus(PAID_AFTER));
    }

    public static Failed failureFor(ReservationCreated c, String paymentId) {
        return failed(paymentId, c.reservationId()).customerId(c.customerId()).amount(c.basePrice())
                .attemptedAt(c.createdAt().plus(PAID_AFTER));
    }

    /** An upstream expiry of {@code c}, at its {@code expiresAt}. */
    public static Expired expiryOf(ReservationCreated c) {
        return expired(c.reservationId(), c.seatId()).customerId(c.customerId()).createdAt(c.createdAt())
                .expiresAt(c.expiresAt()).expiredAt(c.expiresAt());
    }

    /** The JSON bytes of any event, as upstream would produce them. */
    public static byte[] json(Object event) {
        try {
            return Json.mapper().writeValueAsBytes(event);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static final class Created {
        private String schemaVersion = "1.0";
        private String eventId = SHOW;
        private String reservationId;
        private String customerId = CUSTOMER;
        private String seatId;
        private String seatNumber;
        private String section = SECTION;
        private BigDecimal basePrice = PRICE;
        private Instant createdAt = BASE;
        private Instant expiresAt = BASE.plus(HOLD);
        private String status = ReservationCreated.STATUS;
        private String currency;

        private Created(String reservationId, String seatId) {
            this.reservationId = reservationId;
            this.seatId = seatId;
            this.seatNumber = "n-" + seatId;
        }

        public Created schemaVersion(String v) { schemaVersion = v; return this; }
        public Created eventId(String v) { eventId = v; return this; }
        public Created reservationId(String v) { reservationId = v; return this; }
        public Created customerId(String v) { customerId = v; return this; }
        public Created seatId(String v) { seatId = v; return this; }
        public Created seatNumber(String v) { seatNumber = v; return this; }
        public Created section(String v) { section = v; return this; }
        public Created basePrice(BigDecimal v) { basePrice = v; return this; }
        public Created createdAt(Instant v) { createdAt = v; return this; }
        public Created expiresAt(Instant v) { expiresAt = v; return this; }
        public Created status(String v) { status = v; return this; }
        public Created currency(String v) { currency = v; return this; }

        /**
         * Created at {@code at}, held for {@link #HOLD}. Tests against a real wall clock (the app's end-to-end
         * tests) should use it with {@code Instant.now()}: a reservation created at {@link #BASE} is long past
         * its TTL there, and the app would expire it at once.
         */
        public Created heldFrom(Instant at) { createdAt = at; expiresAt = at.plus(HOLD); return this; }

        public ReservationCreated build() {
            return new ReservationCreated(schemaVersion, eventId, reservationId, customerId, seatId, seatNumber,
                    section, basePrice, createdAt, expiresAt, status, currency);
        }
    }

    public static final class Succeeded {
        private String schemaVersion = "1.0";
        private String paymentId;
        private String orderId;
        private String customerId = CUSTOMER;
        private String reservationId;
        private BigDecimal amount = PRICE;
        private String currency = CURRENCY;
        private String paymentMethod = "credit_card";
        private String transactionId;
        private Instant processedAt = BASE.plus(PAID_AFTER);
        private String status = PaymentSucceeded.STATUS;

        private Succeeded(String paymentId, String reservationId) {
            this.paymentId = paymentId;
            this.reservationId = reservationId;
            this.orderId = "order-" + paymentId;
            this.transactionId = "txn-" + paymentId;
        }

        public Succeeded schemaVersion(String v) { schemaVersion = v; return this; }
        public Succeeded paymentId(String v) { paymentId = v; return this; }
        public Succeeded orderId(String v) { orderId = v; return this; }
        public Succeeded customerId(String v) { customerId = v; return this; }
        public Succeeded reservationId(String v) { reservationId = v; return this; }
        public Succeeded amount(BigDecimal v) { amount = v; return this; }
        public Succeeded currency(String v) { currency = v; return this; }
        public Succeeded paymentMethod(String v) { paymentMethod = v; return this; }
        public Succeeded transactionId(String v) { transactionId = v; return this; }
        public Succeeded processedAt(Instant v) { processedAt = v; return this; }
        public Succeeded status(String v) { status = v; return this; }

        public PaymentSucceeded build() {
            return new PaymentSucceeded(schemaVersion, paymentId, orderId, customerId, reservationId, amount,
                    currency, paymentMethod, transactionId, processedAt, status);
        }
    }

    public static final class Failed {
        private String schemaVersion = "1.0";
        private String paymentId;
        private String orderId;
        private String customerId = CUSTOMER;
        private String reservationId;
        private BigDecimal amount = PRICE;
        private String currency = CURRENCY;
        private String paymentMethod = "credit_card";
        private String errorCode = "card_declined";
        private String errorMessage = "Insufficient funds";
        private String failureReason = "insufficient_funds";
        private Instant attemptedAt = BASE.plus(PAID_AFTER);
        private String status = PaymentFailed.STATUS;

        private Failed(String paymentId, String reservationId) {
            this.paymentId = paymentId;
            this.reservationId = reservationId;
            this.orderId = "order-" + paymentId;
        }

        public Failed schemaVersion(String v) { schemaVersion = v; return this; }
        public Failed paymentId(String v) { paymentId = v; return this; }
        public Failed orderId(String v) { orderId = v; return this; }
        public Failed customerId(String v) { customerId = v; return this; }
        public Failed reservationId(String v) { reservationId = v; return this; }
        public Failed amount(BigDecimal v) { amount = v; return this; }
        public Failed currency(String v) { currency = v; return this; }
        public Failed paymentMethod(String v) { paymentMethod = v; return this; }
        public Failed errorCode(String v) { errorCode = v; return this; }
        public Failed errorMessage(String v) { errorMessage = v; return this; }
        public Failed failureReason(String v) { failureReason = v; return this; }
        public Failed attemptedAt(Instant v) { attemptedAt = v; return this; }
        public Failed status(String v) { status = v; return this; }

        public PaymentFailed build() {
            return new PaymentFailed(schemaVersion, paymentId, orderId, customerId, reservationId, amount, currency,
                    paymentMethod, errorCode, errorMessage, failureReason, attemptedAt, status);
        }
    }

    public static final class Expired {
        private String schemaVersion = "1.0";
        private String reservationId;
        private String seatId;
        private String customerId = CUSTOMER;
        private Instant createdAt = BASE;
        private Instant expiresAt = BASE.plus(HOLD);
        private Instant expiredAt = BASE.plus(HOLD);
        private String status = ReservationExpired.STATUS;

        private Expired(String reservationId, String seatId) {
            this.reservationId = reservationId;
            this.seatId = seatId;
        }

        public Expired schemaVersion(String v) { schemaVersion = v; return this; }
        public Expired reservationId(String v) { reservationId = v; return this; }
        public Expired seatId(String v) { seatId = v; return this; }
        public Expired customerId(String v) { customerId = v; return this; }
        public Expired createdAt(Instant v) { createdAt = v; return this; }
        public Expired expiresAt(Instant v) { expiresAt = v; return this; }
        public Expired expiredAt(Instant v) { expiredAt = v; return this; }
        public Expired status(String v) { status = v; return this; }

        public ReservationExpired build() {
            return new ReservationExpired(schemaVersion, reservationId, seatId, customerId, createdAt, expiresAt,
                    expiredAt, status);
        }
    }
}
