package io.ticketing.topology;

import java.time.Duration;
import java.util.Objects;

/**
 * What the topology needs to know; the app builds it from its settings.
 *
 * @param expiryGrace       how long past {@code expiresAt} the app waits for an upstream expiry or a
 *                          payment before it expires a reservation itself (CONTRACT §4)
 * @param retention         how long terminal reservations, orders and pending payments are kept
 * @param orphanTimeout     how long a payment whose reservation is unknown is held before it is
 *                          refunded ({@code unknown-reservation}) or, for a failure, dropped
 * @param punctuateInterval how often (wall clock) the timers are checked
 * @param ticketSecret      the HMAC key that signs ticket QR codes
 * @param maxRecordBytes    input values larger than this are dead-lettered as oversize
 * @param listener          told of every view change on this instance (long-poll waiters use it)
 */
public record TicketingConfig(
        TopicNames topics,
        Duration expiryGrace,
        Duration retention,
        Duration orphanTimeout,
        Duration punctuateInterval,
        String ticketSecret,
        int maxRecordBytes,
        ViewListener listener) {

    public static final Duration DEFAULT_EXPIRY_GRACE = Duration.ofSeconds(30);
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);
    public static final Duration DEFAULT_ORPHAN_TIMEOUT = Duration.ofMinutes(10);
    public static final Duration DEFAULT_PUNCTUATE_INTERVAL = Duration.ofSeconds(1);
    public static final int DEFAULT_MAX_RECORD_BYTES = 64 * 1024;

    public TicketingConfig {
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(expiryGrace, "expiryGrace");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(orphanTimeout, "orphanTimeout");
        Objects.requireNonNull(punctuateInterval, "punctuateInterval");
        Objects.requireNonNull(listener, "listener");
        if (ticketSecret == null || ticketSecret.isBlank()) {
            throw new IllegalArgumentException("ticketSecret must be set: it signs every ticket's QR code");
        }
    }

    /** Defaults everywhere but the secret, which has none. */
    public static TicketingConfig defaults(String ticketSecret) {
        return new TicketingConfig(TopicNames.defaults(), DEFAULT_EXPIRY_GRACE, DEFAULT_RETENTION,
                DEFAULT_ORPHAN_TIMEOUT, DEFAULT_PUNCTUATE_INTERVAL, ticketSecret, DEFAULT_MAX_RECORD_BYTES,
                ViewListener.NONE);
    }

    public TicketingConfig withTopics(TopicNames value) {
        return new TicketingConfig(value, expiryGrace, retention, orphanTimeout, punctuateInterval,
                ticketSecret, maxRecordBytes, listener);
    }

    public TicketingConfig withExpiryGrace(Duration value) {
        return new TicketingConfig(topics, value, retention, orphanTimeout, punctuateInterval,
                ticketSecret, maxRecordBytes, listener);
    }

    public TicketingConfig withRetention(Duration value) {
        return new TicketingConfig(topics, expiryGrace, value, orphanTimeout, punctuateInterval,
                ticketSecret, maxRecordBytes, listener);
    }

    public TicketingConfig withOrphanTimeout(Duration value) {
        return new TicketingConfig(topics, expiryGrace, retention, value, punctuateInterval,
                ticketSecret, maxRecordBytes, listener);
    }

    public TicketingConfig withPunctuateInterval(Duration value) {
        return new TicketingConfig(topics, expiryGrace, retention, orphanTimeout, value,
                ticketSecret, maxRecordBytes, listener);
    }

    public TicketingConfig withMaxRecordBytes(int value) {
        return new TicketingConfig(topics, expiryGrace, retention, orphanTimeout, punctuateInterval,
                ticketSecret, value, listener);
    }

    public TicketingConfig withListener(ViewListener value) {
        return new TicketingConfig(topics, expiryGrace, retention, orphanTimeout, punctuateInterval,
                ticketSecret, maxRecordBytes, value);
    }
}
