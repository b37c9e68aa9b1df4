package io.ticketing.topology.model;

import io.ticketing.events.RefundRequested;
import io.ticketing.events.ReservationExpired;
import io.ticketing.events.TicketIssued;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Output records reduced to the fields the contract fixes, as one comparable line each. Fields that
 * depend on when the app ran (issuedAt, requestedAt, expiredAt) are left out: they are checked for
 * presence, not value.
 */
final class Facts {

    private Facts() {
    }

    static String ticket(String key, TicketIssued t) {
        return "ticket-issued key=" + key + " reservation-seat=" + t.seatId() + " ticketId=" + t.ticketId()
                + " ticketNumber=" + t.ticketNumber() + " orderId=" + t.orderId() + " paymentId=" + t.paymentId()
                + " customerId=" + t.customerId() + " eventId=" + t.eventId() + " seatNumber=" + t.seatNumber()
                + " section=" + t.section() + " pdfPath=" + t.pdfPath() + " qrCode=" + t.qrCode()
                + " status=" + t.status() + " schemaVersion=" + t.schemaVersion();
    }

    static String refund(String key, RefundRequested r) {
        return "refund-requested key=" + key + " paymentId=" + r.paymentId() + " reason=" + r.reason()
                + " reservationId=" + r.reservationId() + " orderId=" + r.orderId() + " customerId=" + r.customerId()
                + " amount=" + (r.amount() == null ? null : r.amount().toPlainString()) + " currency=" + r.currency()
                + " status=" + r.status() + " schemaVersion=" + r.schemaVersion();
    }

    static String expired(ReservationExpired x) {
        return "reservation-expired reservationId=" + x.reservationId() + " seatId=" + x.seatId()
                + " customerId=" + x.customerId() + " createdAt=" + x.createdAt() + " expiresAt=" + x.expiresAt()
                + " status=" + x.status() + " schemaVersion=" + x.schemaVersion();
    }

    static String deadLetter(String sourceTopic, byte[] key, byte[] value) {
        return "dead-letter from=" + sourceTopic + " key=" + show(key) + " value=" + show(value);
    }

    private static String show(byte[] bytes) {
        if (bytes == null) {
            return "null";
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        String digest = Base64.getEncoder().encodeToString(sha256(bytes)).substring(0, 12);
        return (text.length() > 60 ? text.substring(0, 60) + "..." : text).replace('\n', ' ')
                + " (" + bytes.length + " bytes, sha " + digest + ")";
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
