package io.ticketing.query;

import static io.ticketing.query.ProblemAnswersTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.ticketing.events.TicketIssued;
import io.ticketing.topology.StoreNames;
import io.ticketing.topology.view.OrderStatus;
import io.ticketing.topology.view.ReservationStatus;
import io.ticketing.topology.view.SeatStatus;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Hostile callers on every protected route of an instance that requires authentication. */
class AuthRoutesTest {

    static final String JWT_SECRET = "jwt-test-secret-of-at-least-32-bytes!!";
    static final String OPS_KEY = "ops-api-key-0123456789";
    static final String GATE_KEY = "gate-api-key-0123456789";

    private static final RSAKey RSA = rsa();

    private final TestInstance instance = new TestInstance(Authentication.required(TestInstance.INSTANCE_CREDENTIAL,
            List.of(new ApiKeys(Map.of(OPS_KEY, new Principal("ops-team", Set.of(Role.OPS)),
                            GATE_KEY, new Principal("gate-7", Set.of(Role.GATE)))),
                    JwtTokens.hmac(JWT_SECRET, Optional.empty(), Optional.empty()),
                    JwtTokens.jwkSet(new JWKSet(RSA.toPublicJWK()), Optional.empty(), Optional.empty()))));
    private final TicketIssued ticket = Views.ticket("res-1", TestInstance.SECRET);

    /** Every protected route, with an id that exists and belongs to cust-1. */
    private List<String> protectedRoutes() {
        return List.of("/reservations/res-1", "/orders/ord-1", "/seats/seat-1", "/customers/cust-1/tickets",
                "/tickets/verify/" + ticket.qrCode(), "/tickets/" + ticket.ticketId(),
                "/tickets/" + ticket.ticketId() + ".pdf", "/events/evt-1/seats", "/events/evt-1/summary", "/metrics",
                "/internal/keys/order-views/ord-1", "/internal/shows/evt-1/seats", "/internal/shows/evt-1/summary");
    }

    AuthRoutesTest() {
        instance.stores.put(StoreNames.RESERVATIONS, "res-1", Views.reservation("res-1", ReservationStatus.TICKETED));
        instance.stores.put(StoreNames.ORDERS, "ord-1", Views.order("ord-1", OrderStatus.CONFIRMED));
        instance.stores.put(StoreNames.SEATS, "seat-1", Views.seat("evt-1", "seat-1", "A", SeatStatus.SOLD));
        instance.stores.put(StoreNames.CUSTOMER_TICKETS, "cust-1", List.of(ticket));
        instance.stores.put(StoreNames.TICKETS, ticket.ticketId(), ticket);
        for (String store : List.of(StoreNames.RESERVATIONS, StoreNames.ORDERS, StoreNames.SEATS,
                StoreNames.CUSTOMER_TICKETS, StoreNames.TICKETS)) {
            instance.cluster.locations.put(store, KeyLocation.of(0, instance.host()));
        }
    }

    @AfterEach
    void close() {
        instance.close();
    }

    @Test
    void anonymousCallersGetHealthOnly() throws Exception {
        assertThat(instance.get("/health/live").statusCode()).isEqualTo(200);
        for (String route : protectedRoutes()) {
            HttpResponse<String> response = instance.get(route);
            assertProblem(response, 401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).as(route).contains("Bearer");
        }
    }

    @Test
    void badTokensAre401OnEveryProtectedRoute() throws Exception {
        String valid = hmac(claims("cust-1", "customer", Instant.now().plusSeconds(600)));
        String[] parts = valid.split("\\.");
        String tamperedClaims = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims("cust-1", "ops", Instant.now().plusSeconds(600)).toString().getBytes()) + "." + parts[2];
        List<String> authorizations = List.of(
                "Bearer " + hmac(claims("cust-1", "customer", Instant.now().minusSeconds(60))),  // expired
                "Bearer " + tamperedClaims,                                                      // tampered
                "Bearer " + valid.substring(0, valid.length() - 2) + "AA",                       // bad signature
                "Bearer " + signedWith(                                                         // another key
"another-secret-of-at-least-32-bytes!!!", claims("cust-1", "ops",
                        Instant.now().plusSeconds(600))),
                "Bearer " + hmac(new JWTClaimsSet.Builder().subject("cust-1")                    // no expiry
                        .claim(JwtTokens.ROLES_CLAIM, List.of("ops")).build()),
                "Bearer not-a-key",
                "Basic b3BzOm9wcw==");
        for (String authorization : authorizations) {
            for (String route : protectedRoutes()) {
                assertProblem(instance.getWith(route, "Authorization", authorization), 401);
            }
        }
    }

    @Test
    void aCustomerReadsItsOwnViewsOnly() throws Exception {
        String own = hmac(claims("cust-1", "customer", Instant.now().plusSeconds(600)));
        assertThat(instance.getAs(own, "/customers/cust-1/tickets").statusCode()).isEqualTo(200);
        assertThat(instance.getAs(own, "/orders/ord-1").statusCode()).isEqualTo(200);
        assertThat(instance.getAs(own, "/reservations/res-1").statusCode()).isEqualTo(200);
        assertThat(instance.getAs(own, "/tickets/" + ticket.ticketId()).statusCode()).isEqualTo(200);
        assertThat(instance.getAs(own, "/tickets/" + ticket.ticketId() + ".pdf").statusCode()).isEqualTo(200);

        String other = hmac(claims("cust-2", "customer", Instant.now().plusSeconds(600)));
        for (String route : protectedRoutes()) {
            assertProblem(instance.getAs(other, route), 403);
        }
        // A customer's own token still gets nothing that is not its own.
        for (String route : List.of("/seats/seat-1", "/tickets/verify/" + ticket.qrCode(), "/events/evt-1/seats",
                "/events/evt-1/summary", "/metrics", "/internal/keys/order-views/ord-1", "/customers/cust-2/tickets")) {
            assertProblem(instance.getAs(own, route), 403);
        }
    }

    @Test
    void aGateVerifiesTicketsAndNothingElse() throws Exception {
        assertThat(instance.getAs(GATE_KEY, "/tickets/verify/" + ticket.qrCode()).statusCode()).isEqualTo(200);
        for (String route : protectedRoutes()) {
            if (!route.startsWith("/tickets/verify/")) {
                assertProblem(instance.getAs(GATE_KEY, route), 403);
            }
        }
    }

    @Test
    void opsReadsEverythingPublicButNotTheInternalRoutes() throws Exception {
        String opsJwt = rsaSigned(claims("alice", "ops", Instant.now().plusSeconds(600)));
        for (String token : List.of(OPS_KEY, opsJwt)) {
            for (String route : protectedRoutes()) {
                HttpResponse<String> response = instance.getAs(token, route);
                if (route.startsWith("/internal/")) {
                    assertProblem(response, 403);
                } else if (route.startsWith("/events/")) {
                    // No show members in this fake cluster: answered (not refused) is what counts here.
                    assertThat(response.statusCode()).as(route).isNotIn(401, 403);
                } else {
                    assertThat(response.statusCode()).as(route).isEqualTo(200);
                }
            }
        }
    }

    @Test
    void aTokenWithoutAKnownRoleProvesNobody() throws Exception {
        String noRole = hmac(claims("cust-1", "instance", Instant.now().plusSeconds(600)));
        assertProblem(instance.getAs(noRole, "/internal/keys/order-views/ord-1"), 401);
        assertProblem(instance.getAs(noRole, "/orders/ord-1"), 401);
    }

    @Test
    void aForgedForwardedHeaderGainsNothing() throws Exception {
        String other = hmac(claims("cust-2", "customer", Instant.now().plusSeconds(600)));
        assertProblem(instance.getWith("/orders/ord-1", Forwarder.FORWARDED_HEADER, "1"), 401);
        assertProblem(instance.getWith("/orders/ord-1", Forwarder.FORWARDED_HEADER, "1",
                "Authorization", "Bearer " + other), 403);
        assertProblem(instance.getWith("/internal/keys/order-views/ord-1", Forwarder.FORWARDED_HEADER, "1"), 401);
        assertProblem(instance.getWith("/internal/keys/order-views/ord-1", Forwarder.FORWARDED_HEADER, "1",
                "Authorization", "Bearer " + OPS_KEY), 403);
        assertThat(instance.get("/internal/keys/order-views/ord-1", true).statusCode()).isEqualTo(200);
    }

    static JWTClaimsSet claims(String subject, String role, Instant expires) {
        return new JWTClaimsSet.Builder().subject(subject).expirationTime(Date.from(expires))
                .claim(JwtTokens.ROLES_CLAIM, List.of(role)).build();
    }

    static String hmac(JWTClaimsSet claims) throws Exception {
        return signedWith(JWT_SECRET, claims);
    }

    static String signedWith(String secret, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    static String rsaSigned(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(RSA.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(RSA));
        return jwt.serialize();
    }

    private static RSAKey rsa() {
        try {
            return new RSAKeyGenerator(2048).keyID("test-key").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
