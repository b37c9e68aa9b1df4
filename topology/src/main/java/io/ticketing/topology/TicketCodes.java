package io.ticketing.topology;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A ticket's identity, derived only from its reservation so that processing the same input again
 * yields the same ticket (CONTRACT §2, I2), and its QR code, signed so that a gate can check a scanned
 * code offline with nothing but the secret.
 *
 * <ul>
 *   <li>ticketNumber: {@code TKT-<year the reservation was created>-<12 Crockford base32 chars>}, 60
 *       bits of SHA-256 of the reservationId, so collisions stay negligible well past millions of
 *       tickets</li>
 *   <li>ticketId: name-based UUID of the ticketNumber, so a scanned code (which carries the number)
 *       leads straight to its ticket, without an index from numbers to ids</li>
 *   <li>qrCode: {@code <ticketNumber>-<16 base32 chars>}, 80 bits of HMAC-SHA256(secret, ticketNumber)</li>
 * </ul>
 */
public final class TicketCodes {

    private static final String HMAC = "HmacSHA256";
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int NUMBER_CHARS = 12;
    private static final int SIGNATURE_CHARS = 16;

    private final SecretKeySpec key;

    public TicketCodes(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("a ticket secret is required to sign QR codes");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC);
    }

    /** The ticketId of the ticket numbered {@code ticketNumber}. */
    public static String ticketIdOf(String ticketNumber) {
        return UUID.nameUUIDFromBytes(("ticket:" + ticketNumber).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The ticketId a reservation's ticket gets, if it gets one. */
    public static String ticketId(String reservationId, Instant reservationCreatedAt) {
        return ticketIdOf(ticketNumber(reservationId, reservationCreatedAt));
    }

    public static String ticketNumber(String reservationId, Instant reservationCreatedAt) {
        int year = reservationCreatedAt.atZone(ZoneOffset.UTC).getYear();
        byte[] digest = sha256(("ticket-number:" + reservationId).getBytes(StandardCharsets.UTF_8));
        return "TKT-" + year + "-" + base32(digest, NUMBER_CHARS);
    }

    public static String pdfPath(String ticketId) {
        return "/tickets/" + ticketId + ".pdf";
    }

    public String qrCode(String ticketNumber) {
        return ticketNumber + "-" + signature(ticketNumber);
    }

    /** The ticketNumber a genuine code carries; empty when the code is malformed or forged. */
    public Optional<String> verify(String qrCode) {
        if (qrCode == null) {
            return Optional.empty();
        }
        int dash = qrCode.lastIndexOf('-');
        if (dash <= 0 || dash == qrCode.length() - 1) {
            return Optional.empty();
        }
        String ticketNumber = qrCode.substring(0, dash);
        byte[] presented = qrCode.substring(dash + 1).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = signature(ticketNumber).getBytes(StandardCharsets.US_ASCII);
        // Constant time: a gate must not leak how much of a forged signature was right.
        return MessageDigest.isEqual(presented, expected) ? Optional.of(ticketNumber) : Optional.empty();
    }

    private String signature(String ticketNumber) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return base32(mac.doFinal(ticketNumber.getBytes(StandardCharsets.UTF_8)), SIGNATURE_CHARS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The first {@code chars} base32 digits (5 bits each) of {@code bytes}. */
    private static String base32(byte[] bytes, int chars) {
        StringBuilder out = new StringBuilder(chars);
        int buffer = 0;
        int bits = 0;
        int index = 0;
        while (out.length() < chars) {
            if (bits < 5) {
                buffer = (buffer << 8) | (bytes[index++] & 0xff);
                bits += 8;
            }
            out.append(CROCKFORD[(buffer >> (bits - 5)) & 0x1f]);
            bits -= 5;
        }
        return out.toString();
    }
}
