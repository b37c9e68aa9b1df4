package io.ticketing.topology.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The generator is only useful if its histories reach every row of CONTRACT §3 and every time rule of
 * §4. This runs the model alone (no topology) over many histories and checks that each row is taken.
 */
class ModelGeneratorCoverageTest {

    @Test
    void generatedHistoriesReachEveryRowOfTheContract() {
        Map<String, Integer> rows = new TreeMap<>();
        for (long seed = 1; seed <= 2_000; seed++) {
            History history = ModelBasedTopologyTest.generate(seed);
            ReferenceModel model = new ReferenceModel(history.start());
            history.steps().forEach(model::apply);
            model.rows.forEach((row, n) -> rows.merge(row, n, Integer::sum));
        }
        rows.forEach((row, n) -> System.out.printf("%7d  %s%n", n, row));

        assertThat(rows).containsKeys(
                "unknown + reservation-created, seat free -> ACTIVE",
                "unknown + reservation-created, seat taken -> REJECTED",
                "unknown + payment -> pending",
                "unknown + reservation-expired -> pending",
                "pending applied when its reservation arrives",
                "orphan payment-succeeded -> refund unknown-reservation",
                "orphan payment-failed -> dropped",
                "reservation arrives after its payment was refunded as an orphan",
                "ACTIVE + payment-succeeded -> TICKETED",
                "ACTIVE + payment-succeeded -> TICKETED (paid late)",
                "ACTIVE + payment-failed -> PAYMENT_FAILED",
                "ACTIVE + reservation-expired (upstream) -> EXPIRED",
                "ACTIVE + TTL ran out -> EXPIRED, app emits reservation-expired",
                "EXPIRED + payment-succeeded in time, seat free -> TICKETED",
                "EXPIRED + payment-succeeded in time, seat free -> TICKETED (paid exactly at expiresAt)",
                "PAYMENT_FAILED + payment-succeeded in time, seat free -> TICKETED",
                "EXPIRED + payment-succeeded in time, seat taken -> refund",
                "PAYMENT_FAILED + payment-succeeded in time, seat taken -> refund",
                "EXPIRED + payment-succeeded late -> refund",
                "PAYMENT_FAILED + payment-succeeded late -> refund",
                "REJECTED + payment-succeeded -> refund",
                "TICKETED + payment-succeeded, other paymentId -> refund",
                "TICKETED + payment-failed -> unchanged",
                "TICKETED + reservation-expired -> unchanged",
                "any + the same event again",
                "poison -> dead letter");
    }
}
