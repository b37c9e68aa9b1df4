package io.ticketing.app.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticketing.serdes.EventReader;
import io.ticketing.serdes.Json;
import io.ticketing.serdes.ReadResult;
import io.ticketing.events.PaymentFailed;
import io.ticketing.events.PaymentSucceeded;
import io.ticketing.events.ReservationCreated;
import io.ticketing.events.ReservationExpired;
import io.ticketing.topology.TopicNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The simulated upstream: the mix it promises, valid records except the poison, and replayable. */
class UpstreamScenariosTest {

    static final long NOW = 1_790_000_000_000L;
    static final int RESERVATIONS = 5000;

    @Test
    void theSameSeedPlaysTheSameTraffic() {
        List<OutgoingRecord> one = play(7);
        List<OutgoingRecord> two = play(7);

        assertThat(one).hasSameSizeAs(two);
        for (int i = 0; i < one.size(); i++) {
            assertThat(one.get(i).value()).isEqualTo(two.get(i).value());
            assertThat(one.get(i).key()).isEqualTo(two.get(i).key());
        }
    }

    @Test
    void theMixIsAboutEightyTenTenWithValidRecordsAndSomePoison() throws Exception {
        List<OutgoingRecord> records = play(11);
        TopicNames topics = TopicNames.defaults();
        Map<String, EventReader<?>> readers = Map.of(
                topics.reservationCreated(), new EventReader<>(ReservationCreated.class),
                topics.reservationExpired(), new EventReader<>(ReservationExpired.class),
                topics.paymentSucceeded(), new EventReader<>(PaymentSucceeded.class),
                topics.paymentFailed(), new EventReader<>(PaymentFailed.class));

        Set<String> reservations = new HashSet<>();
        Set<String> paidReservations = new HashSet<>();
        Set<String> failedReservations = new HashSet<>();
        long poison = 0;
        for (OutgoingRecord record : records) {
            ReadResult<?> read = readers.get(record.topic()).read(record.value());
            if (record.poison()) {
                poison++;
                assertThat(read).as(record.poisonKind()).isInstanceOf(ReadResult.Rejected.class);
                continue;
            }
            assertThat(read).isInstanceOf(ReadResult.Accepted.class);
            JsonNode value = Json.mapper().readTree(record.value());
            String reservationId = value.get("reservationId").asText();
            if (record.topic().equals(topics.reservationCreated())) {
                reservations.add(reservationId);
            } else if (record.topic().equals(topics.paymentSucceeded())) {
                paidReservations.add(reservationId);
            } else if (record.topic().equals(topics.paymentFailed())) {
                failedReservations.add(reservationId);
            }
        }

        // Rivals for hot seats come on top of the RESERVATIONS planned ones.
        assertThat(reservations.size()).isBetween(RESERVATIONS, RESERVATIONS * 105 / 100);
        double paidShare = (double) paidReservations.stream().filter(r -> !failedReservations.contains(r)).count()
                / RESERVATIONS;
        assertThat(paidShare).isCloseTo(0.80, within(0.04));
        assertThat((double) failedReservations.size() / RESERVATIONS).isCloseTo(0.10, within(0.02));
        assertThat(poison).isBetween(5L, 60L);
    }

    private static List<OutgoingRecord> play(long seed) {
        SimulationOptions options = SimulationOptions.defaults(1000, seed).withShape(5, 3000);
        UpstreamScenarios scenarios = new UpstreamScenarios(options, TopicNames.defaults());
        List<OutgoingRecord> records = new ArrayList<>();
        for (int i = 0; i < RESERVATIONS; i++) {
            scenarios.next(NOW + i, records::add);
        }
        return records;
    }
}
