package io.ticketing.topology;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The header on the reservation-expired records this app writes itself (its own TTL, CONTRACT §4).
 * The app reads that topic too; when one of its own expiries comes back, the expiry has already been
 * applied (it was written at the moment of the transition), so the decoder counts it as applied and
 * sends it no further, instead of re-keying and routing it to its seat only to change nothing there.
 */
public final class OwnExpiry {

    public static final String HEADER = "ticketing.own-expiry";

    private static final byte[] TRUE = "true".getBytes(StandardCharsets.UTF_8);

    private OwnExpiry() {
    }

    public static Headers headers() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(HEADER, TRUE);
        return headers;
    }

    public static boolean isOwn(Headers headers) {
        return headers != null && headers.lastHeader(HEADER) != null;
    }
}
