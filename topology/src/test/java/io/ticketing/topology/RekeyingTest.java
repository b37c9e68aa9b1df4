package io.ticketing.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.events.ReservationCreated;
import io.ticketing.topology.view.ReservationStatus;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** CONTRACT §1: the app re-keys every input by reservationId, whatever the upstream key. */
class RekeyingTest {

    static Stream<Arguments> upstreamKeys() {
        return Stream.of(
                Arguments.of("null", (BiFunction<String, String, String>) (reservationId, seatId) -> null),
                Arguments.of("seatId", (BiFunction<String, String, String>) (reservationId, seatId) -> seatId),
                Arguments.of("random UUID",
                        (BiFunction<String, String, String>) (reservationId, seatId) -> UUID.randomUUID().toString()),
                Arguments.of("reservationId",
                        (BiFunction<String, String, String>) (reservationId, seatId) -> reservationId));
    }

    @ParameterizedTest(name = "upstream key: {0}")
    @MethodSource("upstreamKeys")
    void everyInputMeetsItsReservationWhateverItsKey(String name, BiFunction<String, String, String> key) {
        try (TopologyHarness h = new TopologyHarness()) {
            ReservationCreated r1 = Events.created("r1", "s1").build();
            ReservationCreated r2 = Events.created("r2", "s1").build();
            ReservationCreated r3 = Events.created("r3", "s3").build();
            h.pipe(key.apply("r1", "s1"), Events.paymentFor(r1, "p1").build());
            h.pipe(key.apply("r1", "s1"), r1);
            h.pipe(key.apply("r2", "s1"), r2);
            h.pipe(key.apply("r2", "s1"), Events.paymentFor(r2, "p2").build());
            h.pipe(key.apply("r3", "s3"), r3);
            h.pipe(key.apply("r3", "s3"), Events.failureFor(r3, "f3").build());

            assertThat(h.ticketsIssued()).extracting(r -> r.value().paymentId()).containsExactly("p1");
            assertThat(h.refundsRequested()).extracting(r -> r.value().reason()).containsExactly("seat-unavailable");
            assertThat(h.reservation("r1").orElseThrow().status()).isEqualTo(ReservationStatus.TICKETED);
            assertThat(h.reservation("r2").orElseThrow().status()).isEqualTo(ReservationStatus.REJECTED);
            assertThat(h.reservation("r3").orElseThrow().status()).isEqualTo(ReservationStatus.PAYMENT_FAILED);
        }
    }
}
