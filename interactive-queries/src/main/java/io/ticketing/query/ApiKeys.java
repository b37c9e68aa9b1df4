package io.ticketing.query;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Static API keys from configuration. Kept by their SHA-256 only, and looked up by it, so that how
 * long a lookup takes says nothing about how close a guessed key came.
 */
public final class ApiKeys implements BearerTokens {

    private final Map<String, Principal> byDigest;

    /** @param keys each key and the caller it stands for */
    public ApiKeys(Map<String, Principal> keys) {
        this.byDigest = keys.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(e -> digest(e.getKey()), Map.Entry::getValue));
    }

    @Override
    public Optional<Principal> principalOf(String token) {
        return Optional.ofNullable(byDigest.get(digest(token)));
    }

    static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
