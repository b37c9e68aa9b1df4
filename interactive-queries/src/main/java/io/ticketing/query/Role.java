package io.ticketing.query;

import java.util.Locale;
import java.util.Optional;

/** What a caller may do (README, Security). */
public enum Role {
    /** Its own tickets, orders and reservations: the token's subject is its customerId. */
    CUSTOMER,
    /** Gate staff: ticket checks. */
    GATE,
    /** Everything public, show-wide queries and metrics included. */
    OPS,
    /** Another instance of this service: the {@code /internal/*} routes. Never granted by a token. */
    INSTANCE;

    /** The role a token or API key names ({@code customer}, {@code gate}, {@code ops}); never {@link #INSTANCE}. */
    public static Optional<Role> granted(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "customer" -> Optional.of(CUSTOMER);
            case "gate" -> Optional.of(GATE);
            case "ops" -> Optional.of(OPS);
            default -> Optional.empty();
        };
    }
}
