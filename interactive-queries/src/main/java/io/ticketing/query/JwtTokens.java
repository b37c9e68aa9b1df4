package io.ticketing.query;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * JWTs checked by nimbus-jose-jwt: signature (against a shared HMAC key or the keys of a JWK set),
 * expiry ({@code exp} is required), and optionally issuer and audience. The subject is the caller;
 * its roles come from the {@code roles} claim (a list of {@code customer}, {@code gate}, {@code ops}).
 */
public final class JwtTokens implements BearerTokens {

    /** The claim that lists a token's roles. */
    public static final String ROLES_CLAIM = "roles";

    /** The asymmetric algorithms a JWK set's keys may sign with. */
    private static final Set<JWSAlgorithm> PUBLIC_KEY_ALGORITHMS = Set.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512, JWSAlgorithm.EdDSA);

    private final DefaultJWTProcessor<SecurityContext> processor;

    private JwtTokens(JWKSource<SecurityContext> keys, Set<JWSAlgorithm> algorithms, Optional<String> issuer,
                      Optional<String> audience) {
        processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, keys));
        JWTClaimsSet.Builder exact = new JWTClaimsSet.Builder();
        issuer.ifPresent(exact::issuer);
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                audience.map(Set::of).orElse(null), exact.build(), Set.of("sub", "exp"), null));
    }

    /** Tokens signed HS256/384/512 with {@code secret} (at least 32 bytes, as HS256 requires). */
    public static JwtTokens hmac(String secret, Optional<String> issuer, Optional<String> audience) {
        return new JwtTokens(new ImmutableSecret<>(secret.getBytes(StandardCharsets.UTF_8)),
                Set.of(JWSAlgorithm.HS256, JWSAlgorithm.HS384, JWSAlgorithm.HS512), issuer, audience);
    }

    /** Tokens signed by a key of the JWK set at {@code jwksUrl} (fetched, cached and refreshed by nimbus). */
    public static JwtTokens jwks(URL jwksUrl, Optional<String> issuer, Optional<String> audience) {
        return new JwtTokens(JWKSourceBuilder.create(jwksUrl).build(), PUBLIC_KEY_ALGORITHMS, issuer, audience);
    }

    /** Tokens signed by a key of a JWK set given inline. */
    public static JwtTokens jwkSet(com.nimbusds.jose.jwk.JWKSet keys, Optional<String> issuer, Optional<String> audience) {
        return new JwtTokens(new com.nimbusds.jose.jwk.source.ImmutableJWKSet<>(keys), PUBLIC_KEY_ALGORITHMS,
                issuer, audience);
    }

    @Override
    public Optional<Principal> principalOf(String token) {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException | BadJOSEException | JOSEException | RuntimeException notValid) {
            return Optional.empty();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : roles(claims)) {
            Role.granted(name).ifPresent(roles::add);
        }
        return roles.isEmpty() ? Optional.empty() : Optional.of(new Principal(claims.getSubject(), roles));
    }

    private static List<String> roles(JWTClaimsSet claims) {
        try {
            List<String> listed = claims.getStringListClaim(ROLES_CLAIM);
            return listed == null ? List.of() : List.copyOf(new HashSet<>(listed));
        } catch (ParseException notAList) {
            return List.of();
        }
    }
}
