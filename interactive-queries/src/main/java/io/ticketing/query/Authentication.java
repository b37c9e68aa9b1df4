package io.ticketing.query;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * Who is calling, from the {@code Authorization: Bearer} header: another instance (the shared
 * instance credential), or a caller one of the configured kinds of token proves.
 *
 * <p>With authentication off (a gateway in front checks callers) every caller without the instance
 * credential is {@link Principal#UNCHECKED}; {@code /internal/*} still requires that credential.
 */
public final class Authentication {

    private static final String BEARER = "bearer ";

    private final boolean required;
    private final byte[] instanceCredential;
    private final List<BearerTokens> tokens;

    private Authentication(boolean required, String instanceCredential, List<BearerTokens> tokens) {
        if (instanceCredential == null || instanceCredential.isBlank()) {
            throw new IllegalArgumentException("an instance credential is required");
        }
        this.required = required;
        this.instanceCredential = instanceCredential.getBytes(StandardCharsets.UTF_8);
        this.tokens = List.copyOf(tokens);
    }

    /** Callers must prove who they are with one of {@code tokens}. */
    public static Authentication required(String instanceCredential, List<BearerTokens> tokens) {
        return new Authentication(true, instanceCredential, tokens);
    }

    /** Authentication is someone else's (a gateway's): every caller may do what ops may. */
    public static Authentication off(String instanceCredential) {
        return new Authentication(false, instanceCredential, List.of());
    }

    public boolean isRequired() {
        return required;
    }

    /** What this instance sends as its own bearer token when it asks another instance. */
    String instanceCredential() {
        return new String(instanceCredential, StandardCharsets.UTF_8);
    }

    /**
     * @param authorization the request's {@code Authorization} header, or null
     * @return the caller, empty when anonymous
     * @throws ReplyException 401 when a token is presented and proves nobody
     */
    Optional<Principal> caller(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return required ? Optional.empty() : Optional.of(Principal.UNCHECKED);
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            if (!required) {
                return Optional.of(Principal.UNCHECKED);
            }
            throw new ReplyException(unauthorized("Only bearer tokens are accepted."));
        }
        String token = authorization.substring(BEARER.length()).trim();
        // Constant time: a guess must not learn how much of the credential it got right.
        if (MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), instanceCredential)) {
            return Optional.of(Principal.INSTANCE);
        }
        if (!required) {
            return Optional.of(Principal.UNCHECKED);
        }
        for (BearerTokens kind : tokens) {
            Optional<Principal> who = kind.principalOf(token);
            if (who.isPresent()) {
                return who;
            }
        }
        throw new ReplyException(unauthorized("The token is not valid (unknown, expired or altered)."));
    }

    static Reply unauthorized(String detail) {
        return Problem.of(401, "unauthorized", "Unauthorized", detail)
                .withHeader("WWW-Authenticate", "Bearer");
    }

    static Reply forbidden() {
        return Problem.of(403, "forbidden", "Forbidden", "This token does not allow this request.");
    }

    @Override
    public String toString() {
        return required ? "required (" + tokens.size() + " kinds of token)" : "off";
    }
}
