package io.ticketing.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.events.ReservationCreated;
import io.ticketing.serdes.JsonSerde;
import io.ticketing.topology.internal.Command;
import io.ticketing.topology.internal.Route;
import io.ticketing.topology.view.ReservationStatus;
import io.ticketing.topology.view.SeatStatus;
import io.ticketing.topology.internal.RouteNotice;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TestInputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The routing of v3 (docs/design.md, "Routing"): commands reach their seat directly once the route index
 * knows it, and wait in the router until then; a reservation claimed by two seats keeps the first.
 */
class RoutingTest {

    private final TopologyHarness h = new TopologyHarness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void onceTheSeatHoldsTheReservationTheIndexRoutesItsPaymentStraightThere() {
        ReservationCreated c = Events.created("r1", "s1").build();
        h.pipe(c);
        assertThat(h.<Route>store(StoreNames.ROUTE_INDEX).get("r1")).isEqualTo(new Route("s1", java.util.List.of()));
        h.pipe(Events.paymentFor(c, "p1").build());
        assertThat(h.ticketsIssued()).hasSize(1);
        // Nothing waited in the router: the payment never went there.
        assertThat(h.size(StoreNames.PENDING_COMMANDS)).isZero();
    }

    @Test
    void aPaymentBeforeItsReservationWaitsInTheRouterAndIsTicketedWhenTheSeatHoldsIt() {
        ReservationCreated c = Events.created("r1", "s1").build();
        h.pipe(Events.paymentFor(c, "p1").build());
        assertThat(h.size(StoreNames.PENDING_COMMANDS)).isEqualTo(1);
        assertThat(h.ticketsIssued()).isEmpty();
        h.pipe(c);
        assertThat(h.ticketsIssued()).hasSize(1);
        assertThat(h.size(StoreNames.PENDING_COMMANDS)).isZero();
    }

    @Test
    void aReservationCreatedAgainForAnotherSeatNeverHoldsThatSeat() {
        ReservationCreated first = Events.created("r1", "s1").build();
        h.pipe(first);
        h.pipe(Events.created("r1", "s2").build());
        // Read by a seat before the index knew r1 (as another instance's decoder might): still one holder.
        seatCommands().pipeInput("s2", new Command.Create(Events.created("r1", "s2").build()));

        assertThat(h.seat("s2").map(s -> s.status())).isNotEqualTo(java.util.Optional.of(SeatStatus.HELD));
        assertThat(h.seat("s1")).hasValueSatisfying(s -> assertThat(s.status()).isEqualTo(SeatStatus.HELD));
        assertThat(h.reservation("r1")).hasValueSatisfying(v -> assertThat(v.seatId()).isEqualTo("s1"));
        h.pipe(Events.paymentFor(first, "p1").build());
        assertThat(h.ticketsIssued()).singleElement().satisfies(t -> assertThat(t.value().seatId()).isEqualTo("s1"));
    }

    @Test
    void whenTwoSeatsBothHoldTheSameReservationTheRouterRevokesTheSecondAndRefreshesTheFirst() {
        h.pipe(Events.created("r1", "s1").build());
        TestOutputTopic<String, Command> sent = h.driver().createOutputTopic(seatCommandsTopic(),
                new StringDeserializer(), JsonSerde.internal(Command.class).deserializer());
        sent.readRecordsToList();
        // The notice a second seat's arbiter (another task) sends when it created r1 too.
        h.driver().createInputTopic(h.config().topics().routeNotices(), new StringSerializer(),
                        JsonSerde.internal(RouteNotice.class).serializer())
                .pipeInput("r1", new RouteNotice.Held("r1", "s2"));
        assertThat(sent.readKeyValuesToList()).containsExactly(
                KeyValue.pair("s2", new Command.Revoke("r1", "s2")),
                KeyValue.pair("s1", new Command.Refresh("r1")));
        assertThat(h.<Route>store(StoreNames.RESERVATION_ROUTES).get("r1").seatId()).isEqualTo("s1");
    }

    private static String seatCommandsTopic() {
        return TopologyHarness.APPLICATION_ID + "-" + TicketingTopology.SEAT_COMMANDS + "-repartition";
    }

    private TestInputTopic<String, Command> seatCommands() {
        return h.driver().createInputTopic(seatCommandsTopic(), new StringSerializer(),
                JsonSerde.internal(Command.class).serializer());
    }
}
