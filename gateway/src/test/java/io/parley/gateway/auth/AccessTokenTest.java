package io.parley.gateway.auth;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AccessTokenTest {

    @Test
    void survivesTheTripThroughTheHttpSecurityContext() {
        AccessToken token = new AccessToken(42, "abc-123", Instant.ofEpochSecond(1_900_000_000));
        assertEquals(token, AccessToken.of(token.toAuthentication()));
    }

    @Test
    void needsAnIdToBeRevocable() {
        assertThrows(IllegalArgumentException.class,
                () -> new AccessToken(42, " ", Instant.now()));
    }
}
