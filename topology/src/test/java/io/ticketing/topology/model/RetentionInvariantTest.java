package io.ticketing.topology.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.events.PaymentSucceeded;
import io.ticketing.events.RefundRequested;
import io.ticketing.events.ReservationCreated;
import io.ticketing.events.TicketIssued;
import io.ticketing.topology.Events;
import io.ticketing.topology.TopologyHarness;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/**
 * I3 across the retention purge (CONTRACT §4): state of terminal reservations goes after the
 * retention period, but a payment that already bought a ticket must never be refunded as well when a
 * copy of it arrives later ("never both").
 */
class RetentionInvariantTest {

    private static final Duration RETENTION = Duration.ofHours(1);

    @Test
    void aCopyOfTheTicketingPaymentArrivingAfterThePurgeIsNotRefunded() {
        try (TopologyHarness harness = new TopologyHarness(ModelSettings.config().withRetention(RETENTION),
                Events.BASE)) {
            ReservationCreated created = Events.created("r1", "s1").build();
            PaymentSucceeded payment = Events.paymentFor(created, "p1").build();
            harness.pipe(created);
            harness.pipe(payment);
            List<TestRecord<String, TicketIssued>> tickets = harness.ticketsIssued();

            // Past expiresAt + grace + retention, in punctuated steps: everything purgeable is purged.
            for (int i = 0; i < 6; i++) {
                harness.advance(Duration.ofMinutes(30));
            }
            harness.pipe(payment); // upstream redelivers the same payment-succeeded
            harness.advance(ModelSettings.ORPHAN_TIMEOUT.plusMinutes(1));
            List<TestRecord<String, RefundRequested>> refunds = harness.refundsRequested();

            assertThat(tickets).hasSize(1);
            assertThat(refunds).as("the payment p1 bought ticket %s; refunding it too breaks I3",
                    tickets.get(0).value().ticketId()).isEmpty();
        }
    }
}
