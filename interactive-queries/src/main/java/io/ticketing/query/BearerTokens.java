package io.ticketing.query;

import java.util.Optional;

/** One way of telling who presents a bearer token. */
public interface BearerTokens {

    /** The caller the token proves; empty when this kind of token is not valid (unknown, expired, tampered). */
    Optional<Principal> principalOf(String token);
}
