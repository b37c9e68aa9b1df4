package io.ticketing.query;

import java.util.Set;

/**
 * An authenticated caller.
 *
 * @param subject the token's subject: for a customer, its customerId
 * @param roles   what it may do
 */
public record Principal(String subject, Set<Role> roles) {

    /** Another instance, proven by the instances' shared credential. */
    static final Principal INSTANCE = new Principal("instance", Set.of(Role.INSTANCE));

    /** Everyone, when authentication is off because a gateway in front does it. */
    static final Principal UNCHECKED = new Principal("unchecked", Set.of(Role.OPS));

    public Principal {
        roles = Set.copyOf(roles);
    }

    boolean has(Role role) {
        return roles.contains(role);
    }
}
