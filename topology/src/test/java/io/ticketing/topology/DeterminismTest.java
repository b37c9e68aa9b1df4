package io.ticketing.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.events.ReservationCreated;
import io.ticketing.events.TicketIssued;
import io.ticketing.events.TicketingEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** I2: re-processing the same input yields identical ticket fields. */
class DeterminismTest {

    @Test
    void twoDriversOverTheSameInputIssueIdenticalTickets() {
        List<TicketingEvent> input = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ReservationCreated c = Events.created("r" + i, "s" + i).customerId("c" + (i % 3)).build();
            input.add(c);
            input.add(Events.paymentFor(c, "p" + i).build());
        }
        List<TicketIssued> first = run(input, Duration.ZERO);
        // A second run at another wall-clock moment: nothing in a ticket may depend on it.
        List<TicketIssued> second = run(input, Duration.ofHours(3));
        assertThat(first).hasSize(20);
        assertThat(second).isEqualTo(first);
        assertThat(first).extracting(TicketIssued::ticketId).doesNotHaveDuplicates();
        assertThat(first).extracting(TicketIssued::ticketNumber).doesNotHaveDuplicates()
                .allMatch(n -> n.matches("TKT-2026-[0-9A-Z]{12}"));
        assertThat(first).extracting(TicketIssued::qrCode).doesNotHaveDuplicates();
    }

    private static List<TicketIssued> run(List<TicketingEvent> input, Duration wallClockOffset) {
        try (TopologyHarness h = new TopologyHarness(TopologyHarness.defaultConfig(),
                Events.BASE.plus(wallClockOffset))) {
            long ts = Events.BASE.toEpochMilli();
            for (TicketingEvent e : input) {
                h.pipe(null, e, java.time.Instant.ofEpochMilli(ts += 1000));
            }
            return h.ticketsIssued().stream().map(TestRecord::value).toList();
        }
    }
}
