package io.ticketing.topology.model;

import io.ticketing.topology.TicketingConfig;
import io.ticketing.topology.TopicNames;
import java.time.Duration;
import java.time.Instant;

/**
 * The timing the model test runs under. Chosen so that every timer is unambiguous:
 * <ul>
 *   <li>the wall clock only moves in whole seconds, and every {@code expiresAt} ends in .500, so a
 *       deadline ({@code expiresAt + grace}) never coincides with a punctuation;</li>
 *   <li>the orphan timeout runs from the wall-clock time a payment arrived; inside a history the clock
 *       moves by small steps (at most {@link #MAX_IN_HISTORY_ADVANCE} in all, far less than the orphan
 *       timeout) and at most once by an outage longer than it, ending in .250 s;</li>
 *   <li>a history ends with {@link #DRAIN}, past every deadline and orphan timeout, and short of the
 *       retention, so everything is decided and nothing is purged when the views are checked.</li>
 * </ul>
 */
final class ModelSettings {

    static final Instant START = Instant.parse("2026-03-04T20:00:00Z");
    static final Duration GRACE = Duration.ofSeconds(30);
    static final Duration ORPHAN_TIMEOUT = Duration.ofHours(2);
    static final Duration RETENTION = Duration.ofDays(3650);
    static final Duration PUNCTUATE_INTERVAL = Duration.ofSeconds(1);
    static final Duration MAX_IN_HISTORY_ADVANCE = Duration.ofMinutes(40);
    static final Duration DRAIN = Duration.ofHours(3);
    static final String SECRET = "model-test-secret";
    static final TopicNames TOPICS = TopicNames.defaults();

    private ModelSettings() {
    }

    static TicketingConfig config() {
        return TicketingConfig.defaults(SECRET)
                .withExpiryGrace(GRACE)
                .withOrphanTimeout(ORPHAN_TIMEOUT)
                .withRetention(RETENTION)
                .withPunctuateInterval(PUNCTUATE_INTERVAL);
    }
}
