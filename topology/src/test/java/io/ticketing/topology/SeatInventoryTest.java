package io.ticketing.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.events.PaymentSucceeded;
import io.ticketing.events.ReservationCreated;
import io.ticketing.events.SeatListed;
import io.ticketing.topology.view.SeatStatus;
import io.ticketing.topology.view.SeatView;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The optional seat inventory: listed seats are known, AVAILABLE and counted before any reservation. */
class SeatInventoryTest {

    private static SeatListed listed(String seatId, String row, int number) {
        return new SeatListed("1.0", seatId, Events.SHOW, "VIP", row, number, new BigDecimal("50.00"), "EUR", "listed");
    }

    @Test
    void listedSeatsAreAvailableAndCountInTheSummaryBeforeAnyReservation() {
        try (TopologyHarness h = new TopologyHarness()) {
            h.pipe("s1", listed("s1", "A-1", 1));
            h.pipe("s2", listed("s2", "A-1", 2));
            h.pipe("s3", listed("s3", "A-2", 1));

            assertThat(h.seatsOfShow(Events.SHOW)).extracting(SeatView::seatId, SeatView::seatNumber, SeatView::status)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("s1", "A-1-1", SeatStatus.AVAILABLE),
                            org.assertj.core.groups.Tuple.tuple("s2", "A-1-2", SeatStatus.AVAILABLE),
                            org.assertj.core.groups.Tuple.tuple("s3", "A-2-1", SeatStatus.AVAILABLE));
            assertThat(h.summary(Events.SHOW)).isEqualTo(Map.of("VIP|AVAILABLE", 3L));
        }
    }

    @Test
    void aListedSeatIsReservedAndSoldAsAnyOtherAndTheCountsMove() {
        try (TopologyHarness h = new TopologyHarness()) {
            h.pipe("s1", listed("s1", "A-1", 1));
            h.pipe("s2", listed("s2", "A-1", 2));
            ReservationCreated c = Events.created("r1", "s1").build();
            h.pipe("s1", c);
            PaymentSucceeded p = Events.paymentFor(c, "p1").build();
            h.pipe(p);

            assertThat(h.ticketsIssued()).hasSize(1);
            assertThat(h.seat("s1").orElseThrow().status()).isEqualTo(SeatStatus.SOLD);
            assertThat(h.summary(Events.SHOW)).isEqualTo(Map.of("VIP|AVAILABLE", 1L, "VIP|SOLD", 1L));
        }
    }

    @Test
    void listingASeatAgainNeverFreesItAndATombstoneIsNoBadRecord() {
        try (TopologyHarness h = new TopologyHarness()) {
            ReservationCreated c = Events.created("r1", "s1").build();
            h.pipe("s1", c);
            h.pipe("s1", listed("s1", "A-1", 1));
            h.pipeRaw(h.config().topics().seatInventory(), "s1".getBytes(StandardCharsets.UTF_8), null);

            assertThat(h.seat("s1").orElseThrow().status()).isEqualTo(SeatStatus.HELD);
            assertThat(h.deadLetters()).isEmpty();
        }
    }

    @Test
    void aBadListingIsDeadLetteredWithItsReasons() {
        try (TopologyHarness h = new TopologyHarness()) {
            h.pipe("s1", new SeatListed("1.0", "s1", Events.SHOW, "VIP|x", "A-1", 0, new BigDecimal("-1"), null, null));

            assertThat(h.seatsOfShow(Events.SHOW)).isEmpty();
            assertThat(h.deadLetters()).singleElement().satisfies(dead -> assertThat(
                    TopologyHarness.header(dead, DeadLetterHeaders.REASON))
                    .contains("section", "number", "price"));
        }
    }
}
