package io.ticketing.query;

import static io.ticketing.query.Access.Decision.ALLOW;
import static io.ticketing.query.Access.Decision.FORBIDDEN;
import static io.ticketing.query.Access.Decision.OWNER_ONLY;
import static io.ticketing.query.Access.Decision.UNAUTHENTICATED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Access}, row by row: route × caller → decision (README, Security). */
class AccessTest {

    @ParameterizedTest(name = "{0} by {1} (path customer {2}) -> {3}")
    @CsvSource({
            // anonymous: health only
            "HEALTH,           anonymous, ,       ALLOW",
            "METRICS,          anonymous, ,       UNAUTHENTICATED",
            "RESERVATION,      anonymous, ,       UNAUTHENTICATED",
            "ORDER,            anonymous, ,       UNAUTHENTICATED",
            "SEAT,             anonymous, ,       UNAUTHENTICATED",
            "CUSTOMER_TICKETS, anonymous, cust-1, UNAUTHENTICATED",
            "TICKET_VERIFY,    anonymous, ,       UNAUTHENTICATED",
            "TICKET,           anonymous, ,       UNAUTHENTICATED",
            "EVENT_SEATS,      anonymous, ,       UNAUTHENTICATED",
            "EVENT_SUMMARY,    anonymous, ,       UNAUTHENTICATED",
            "INTERNAL,         anonymous, ,       UNAUTHENTICATED",
            // customer cust-1: its own things only
            "HEALTH,           customer,  ,       ALLOW",
            "METRICS,          customer,  ,       FORBIDDEN",
            "RESERVATION,      customer,  ,       OWNER_ONLY",
            "ORDER,            customer,  ,       OWNER_ONLY",
            "SEAT,             customer,  ,       FORBIDDEN",
            "CUSTOMER_TICKETS, customer,  cust-1, ALLOW",
            "CUSTOMER_TICKETS, customer,  cust-2, FORBIDDEN",
            "CUSTOMER_TICKETS, customer,  CUST-1, FORBIDDEN",
            "TICKET_VERIFY,    customer,  ,       FORBIDDEN",
            "TICKET,           customer,  ,       OWNER_ONLY",
            "EVENT_SEATS,      customer,  ,       FORBIDDEN",
            "EVENT_SUMMARY,    customer,  ,       FORBIDDEN",
            "INTERNAL,         customer,  ,       FORBIDDEN",
            // gate: ticket checks
            "METRICS,          gate,      ,       FORBIDDEN",
            "TICKET_VERIFY,    gate,      ,       ALLOW",
            "TICKET,           gate,      ,       FORBIDDEN",
            "ORDER,            gate,      ,       FORBIDDEN",
            "CUSTOMER_TICKETS, gate,      cust-1, FORBIDDEN",
            "EVENT_SUMMARY,    gate,      ,       FORBIDDEN",
            "INTERNAL,         gate,      ,       FORBIDDEN",
            // ops: everything public
            "METRICS,          ops,       ,       ALLOW",
            "RESERVATION,      ops,       ,       ALLOW",
            "ORDER,            ops,       ,       ALLOW",
            "SEAT,             ops,       ,       ALLOW",
            "CUSTOMER_TICKETS, ops,       cust-2, ALLOW",
            "TICKET_VERIFY,    ops,       ,       ALLOW",
            "TICKET,           ops,       ,       ALLOW",
            "EVENT_SEATS,      ops,       ,       ALLOW",
            "EVENT_SUMMARY,    ops,       ,       ALLOW",
            "INTERNAL,         ops,       ,       FORBIDDEN",
            // another instance: internal routes only
            "INTERNAL,         instance,  ,       ALLOW",
            "ORDER,            instance,  ,       FORBIDDEN",
            "METRICS,          instance,  ,       FORBIDDEN",
    })
    void decides(ApiRoute route, String caller, String pathCustomer, Access.Decision expected) {
        assertThat(Access.decide(route, Optional.ofNullable(pathCustomer), principal(caller))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} reading a view of {1} -> {2}")
    @CsvSource({
            "customer, cust-1, true",
            "customer, cust-2, false",
            "customer,       , false",
            "ops,      cust-2, true",
            "gate,     cust-1, false",
    })
    void ownsOnlyItsOwnViews(String caller, String owner, boolean expected) {
        assertThat(Access.owns(principal(caller).orElseThrow(), owner)).isEqualTo(expected);
    }

    private static Optional<Principal> principal(String caller) {
        return switch (caller) {
            case "anonymous" -> Optional.empty();
            case "instance" -> Optional.of(Principal.INSTANCE);
            default -> Optional.of(new Principal("cust-1", Set.of(Role.granted(caller).orElseThrow())));
        };
    }
}
