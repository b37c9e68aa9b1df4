package io.ticketing.topology.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.ticketing.events.ReservationCreated;
import io.ticketing.topology.Events;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandRoutingTest {

    private final ReservationCreated c = Events.created("r1", "s1").build();
    private final Command pay = new Command.Pay(Events.paymentFor(c, "p1").build());

    @Test
    void aReservationCreatedGoesToItsOwnSeatUnlessARouteExists() {
        assertThat(CommandRouting.decide(new Command.Create(c), null)).isEqualTo(new CommandRouting.ToSeat("s1"));
        // A route exists (this reservation again, or one another seat claimed first): the router absorbs it.
        assertThat(CommandRouting.decide(new Command.Create(c), new Route("s1", List.of())))
                .isInstanceOf(CommandRouting.ToRouter.class);
        assertThat(CommandRouting.decide(new Command.Create(c), new Route("s7", List.of())))
                .isInstanceOf(CommandRouting.ToRouter.class);
    }

    @Test
    void anyOtherCommandGoesToTheRoutedSeatOrWaitsInTheRouter() {
        assertThat(CommandRouting.decide(pay, new Route("s1", List.of()))).isEqualTo(new CommandRouting.ToSeat("s1"));
        assertThat(CommandRouting.decide(pay, null)).isInstanceOf(CommandRouting.ToRouter.class);
    }

    @Test
    void aCopyOfAnOrphanResolvedBeforeItsReservationCameIsAbsorbed() {
        Route route = new Route("s1", List.of(pay.identity()));
        assertThat(CommandRouting.decide(pay, route)).isInstanceOf(CommandRouting.Absorbed.class);
        Command other = new Command.Pay(Events.paymentFor(c, "p2").build());
        assertThat(CommandRouting.decide(other, route)).isEqualTo(new CommandRouting.ToSeat("s1"));
    }
}
