package io.ticketing.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.events.RefundRequested;
import io.ticketing.events.ReservationCreated;
import io.ticketing.events.TicketIssued;
import io.ticketing.events.TicketingEvent;
import io.ticketing.topology.view.ReservationStatus;
import io.ticketing.topology.view.SeatStatus;
import io.ticketing.topology.view.SeatView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * CONTRACT §4 "the table must hold for any interleaving": every order of a small set of racing events,
 * each permutation on its own seat and ids in one driver, checked against I1–I3 and the §3 outcome.
 */
class InterleavingsTest {

    /** One reservation, its payment (in time), its failure and an upstream expiry: always exactly one ticket. */
    @Test
    void aPaymentMadeInTimeWinsTheSeatInEveryOrder() {
        try (TopologyHarness h = new TopologyHarness()) {
            List<List<Integer>> orders = permutations(4);
            for (int i = 0; i < orders.size(); i++) {
                ReservationCreated c = Events.created("r-" + i, "s-" + i).build();
                List<TicketingEvent> events = List.of(c, Events.paymentFor(c, "p-" + i).build(),
                        Events.failureFor(c, "f-" + i).build(), Events.expiryOf(c).build());
                orders.get(i).forEach(k -> h.pipe(events.get(k)));
            }
            settle(h);
            Map<String, TicketIssued> tickets = byReservation(h.ticketsIssued().stream().map(r -> r.value()).toList(),
                    TicketIssued::seatId);
            assertThat(h.refundsRequested()).isEmpty();
            for (int i = 0; i < orders.size(); i++) {
                assertThat(tickets).as("order %s", orders.get(i)).containsKey("s-" + i);
                assertThat(h.reservation("r-" + i).orElseThrow().status()).isEqualTo(ReservationStatus.TICKETED);
                assertThat(h.seat("s-" + i).orElseThrow().status()).isEqualTo(SeatStatus.SOLD);
            }
        }
    }

    /** Two reservations for one seat, both paid, one failure: I1–I3 in all 120 orders. */
    @Test
    void twoReservationsRacingForOneSeatKeepTheInvariantsInEveryOrder() {
        try (TopologyHarness h = new TopologyHarness()) {
            List<List<Integer>> orders = permutations(5);
            for (int i = 0; i < orders.size(); i++) {
                ReservationCreated c1 = Events.created("a-" + i, "s-" + i).build();
                ReservationCreated c2 = Events.created("b-" + i, "s-" + i).customerId("customer-2").build();
                List<TicketingEvent> events = List.of(c1, c2, Events.paymentFor(c1, "pa-" + i).build(),
                        Events.paymentFor(c2, "pb-" + i).build(), Events.failureFor(c1, "fa-" + i).build());
                orders.get(i).forEach(k -> h.pipe(events.get(k)));
            }
            settle(h);
            List<TicketIssued> tickets = h.ticketsIssued().stream().map(r -> r.value()).toList();
            List<RefundRequested> refunds = h.refundsRequested().stream().map(r -> r.value()).toList();
            // I1 and I2: at most one ticket per seat and per reservation
            assertThat(tickets).extracting(TicketIssued::seatId).doesNotHaveDuplicates();
            assertThat(tickets).extracting(TicketIssued::ticketId).doesNotHaveDuplicates();
            for (int n = 0; n < orders.size(); n++) {
                final int i = n;
                String seatId = "s-" + i;
                List<String> ticketed = tickets.stream().filter(t -> t.seatId().equals(seatId))
                        .map(TicketIssued::paymentId).toList();
                List<String> refunded = refunds.stream()
                        .filter(r -> r.paymentId().endsWith("-" + i) && r.paymentId().startsWith("p"))
                        .map(RefundRequested::paymentId).toList();
                // I3: each payment exactly one of ticket or refund
                List<String> answered = new ArrayList<>(ticketed);
                answered.addAll(refunded);
                assertThat(answered).as("order %s", orders.get(i))
                        .containsExactlyInAnyOrder("pa-" + i, "pb-" + i);
                // a seat with a ticket is sold to that ticket's reservation; there is always a winner here
                assertThat(ticketed).as("order %s", orders.get(i)).hasSize(1);
                SeatView seat = h.seat(seatId).orElseThrow();
                assertThat(seat.status()).isEqualTo(SeatStatus.SOLD);
                String winner = ticketed.get(0).startsWith("pa") ? "a-" + i : "b-" + i;
                assertThat(seat.reservationId()).isEqualTo(winner);
                assertThat(h.reservation(winner).orElseThrow().status()).isEqualTo(ReservationStatus.TICKETED);
            }
        }
    }

    /** Lets every orphan timeout and TTL run out, so that every payment has its answer. */
    private static void settle(TopologyHarness h) {
        h.advance(TicketingConfig.DEFAULT_ORPHAN_TIMEOUT.plus(Duration.ofHours(1)));
    }

    private static <T> Map<String, T> byReservation(List<T> values, Function<T, String> key) {
        return values.stream().collect(Collectors.toMap(key, v -> v));
    }

    static List<List<Integer>> permutations(int n) {
        List<List<Integer>> out = new ArrayList<>();
        permute(new ArrayList<>(), new boolean[n], out);
        return out;
    }

    private static void permute(List<Integer> prefix, boolean[] used, List<List<Integer>> out) {
        if (prefix.size() == used.length) {
            out.add(List.copyOf(prefix));
            return;
        }
        for (int k = 0; k < used.length; k++) {
            if (!used[k]) {
                used[k] = true;
                prefix.add(k);
                permute(prefix, used, out);
                prefix.remove(prefix.size() - 1);
                used[k] = false;
            }
        }
    }
}
