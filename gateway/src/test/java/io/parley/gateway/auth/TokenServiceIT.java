package io.parley.gateway.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.test.annotation.MockBean;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.platform.kafka.KafkaSettings;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Access tokens against the real Redis: each has its own id, a logout revokes exactly that token
 * until it would have expired, and an HTTP request with a revoked token is answered 401 (2001).
 */
@MicronautTest
class TokenServiceIT {
    @Inject
    KafkaSettings kafka;
    private static final long MISSING_USER = 404;

    @Inject
    TokenService tokens;
    @Inject
    StatefulRedisConnection<String, String> redis;
    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void issuesTokensWithTheirOwnIdThatVerifyUntilRevoked() throws Exception {
        String first = tokens.issue(7, "Ann");
        String second = tokens.issue(7, "Ann");
        AccessToken a = tokens.verify(first).get(5, TimeUnit.SECONDS).orElseThrow();
        AccessToken b = tokens.verify(second).get(5, TimeUnit.SECONDS).orElseThrow();
        assertEquals(7, a.userId());
        assertNotEquals(a.tokenId(), b.tokenId());
        assertEquals(a.tokenId(), SignedJWT.parse(first).getJWTClaimsSet().getJWTID());

        tokens.revoke(a).get(5, TimeUnit.SECONDS);

        assertTrue(tokens.verify(first).get(5, TimeUnit.SECONDS).isEmpty(), "revoked");
        assertTrue(tokens.verify(second).get(5, TimeUnit.SECONDS).isPresent(), "others stand");
        long ttl = redis.sync().pttl(kafka.namespace() + ":revoked:" + a.tokenId());
        long remaining = Duration.between(Instant.now(), a.expiresAt()).toMillis();
        assertTrue(ttl > remaining - 5_000 && ttl <= remaining + 1_000,
                "kept as long as the token lives: " + ttl + " vs " + remaining);
    }

    /** Logic is not running here: user 404 does not exist, every other one does. */
    @MockBean(AccountKnownUsers.class)
    KnownUsers knownUsers() {
        return userId -> CompletableFuture.completedFuture(userId != MISSING_USER);
    }

    @Test
    void refusesATokenWhoseUserDoesNotExistOnTheSocketPathAndOverHttp() throws Exception {
        String forged = tokens.issue(MISSING_USER, "Ghost");
        assertTrue(tokens.verify(forged).get(5, TimeUnit.SECONDS).isEmpty());
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/api/auth/logout", "")
                        .bearerAuth(forged), Map.class));
        assertEquals(HttpStatus.UNAUTHORIZED, refused.getStatus());
    }

    @Test
    void refusesATokenThatIsNotYetValidAndAcceptsOneWithinTheClockSkew() throws Exception {
        Instant now = Instant.now();
        assertTrue(tokens.verify(signed(now.plusSeconds(600))).get(5, TimeUnit.SECONDS).isEmpty(),
                "nbf ten minutes ahead");
        assertTrue(tokens.verify(signed(now.plusSeconds(5))).get(5, TimeUnit.SECONDS).isPresent(),
                "nbf within the skew");
        assertTrue(tokens.verify(signed(now.minusSeconds(60))).get(5, TimeUnit.SECONDS)
                .isPresent(), "nbf in the past");
    }

    private static String signed(Instant notBefore) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("12").jwtID("nbf-" + notBefore)
                .notBeforeTime(Date.from(notBefore))
                .expirationTime(Date.from(Instant.now().plusSeconds(3600))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(SigningSecretGuard.DEVELOPMENT_SECRET));
        return jwt.serialize();
    }

    @Test
    void refusesGarbageTamperedAndForeignTokens() throws Exception {
        String good = tokens.issue(8, "Ben");
        String tampered = good.substring(0, good.length() - 2)
                + (good.endsWith("AA") ? "BB" : "AA");
        for (String bad : new String[] {null, "", "garbage", tampered,
                "eyJhbGciOiJub25lIn0.eyJzdWIiOiI4In0."}) {
            assertTrue(tokens.verify(bad).get(5, TimeUnit.SECONDS).isEmpty(), bad);
        }
    }

    @Test
    void aLoggedOutTokenIsRefusedOverHttpWith2001() {
        String token = tokens.issue(9, "Cat");
        HttpRequest<?> logout = HttpRequest.POST("/api/auth/logout", "").bearerAuth(token);

        assertEquals(HttpStatus.NO_CONTENT, http.toBlocking().exchange(logout).getStatus());

        HttpClientResponseException again = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(logout, Map.class));
        assertEquals(HttpStatus.UNAUTHORIZED, again.getStatus());
        Map<?, ?> body = again.getResponse().getBody(Map.class).orElseThrow();
        assertEquals(2001, ((Number) body.get("code")).intValue());
        assertNotNull(body.get("message"));
    }
}
