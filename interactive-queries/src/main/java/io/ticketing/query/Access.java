package io.ticketing.query;

import java.util.Optional;

/**
 * Who may call which route (README, Security): a pure function of the route, its customerId (when
 * the path names one) and the caller. A lookup whose owner is only known once the view is read is
 * {@link Decision#OWNER_ONLY}: the route reads it and asks {@link #owns}.
 */
final class Access {

    enum Decision {
        ALLOW,
        /** Allowed if the looked-up view's customerId is the caller's subject. */
        OWNER_ONLY,
        /** 401: no caller, or not one this route accepts without proof. */
        UNAUTHENTICATED,
        /** 403: a known caller without the right. */
        FORBIDDEN
    }

    private Access() {
    }

    /**
     * @param pathCustomerId the {@code {customerId}} of the path, when the route has one
     * @param caller         empty: anonymous
     */
    static Decision decide(ApiRoute route, Optional<String> pathCustomerId, Optional<Principal> caller) {
        if (route == ApiRoute.HEALTH) {
            return Decision.ALLOW;
        }
        if (caller.isEmpty()) {
            return Decision.UNAUTHENTICATED;
        }
        Principal who = caller.get();
        if (route == ApiRoute.INTERNAL) {
            return who.has(Role.INSTANCE) ? Decision.ALLOW : Decision.FORBIDDEN;
        }
        if (who.has(Role.OPS)) {
            return Decision.ALLOW;
        }
        if (route == ApiRoute.TICKET_VERIFY && who.has(Role.GATE)) {
            return Decision.ALLOW;
        }
        if (who.has(Role.CUSTOMER)) {
            switch (route) {
                case CUSTOMER_TICKETS:
                    return pathCustomerId.isPresent() && pathCustomerId.get().equals(who.subject())
                            ? Decision.ALLOW : Decision.FORBIDDEN;
                case ORDER, TICKET, RESERVATION:
                    return Decision.OWNER_ONLY;
                default:
                    return Decision.FORBIDDEN;
            }
        }
        return Decision.FORBIDDEN;
    }

    /** For {@link Decision#OWNER_ONLY}: is the view whose customerId is {@code owner} the caller's? */
    static boolean owns(Principal caller, String owner) {
        return caller.has(Role.OPS) || (caller.has(Role.CUSTOMER) && owner != null && owner.equals(caller.subject()));
    }
}
