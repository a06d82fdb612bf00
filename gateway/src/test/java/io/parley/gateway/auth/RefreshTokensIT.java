package io.parley.gateway.auth;

import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import io.parley.platform.kafka.KafkaSettings;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Refresh tokens against the real Redis: stored only as a hash, rotated on every use, a spent
 * one presented again revokes its whole family, a logout revokes the family, others stand.
 */
@MicronautTest
class RefreshTokensIT {
    @Inject
    KafkaSettings kafka;
    @Inject
    RefreshTokens refreshTokens;
    @Inject
    StatefulRedisConnection<String, String> redis;

    @Test
    void rotatesAndRevokesTheFamilyOnReuse() throws Exception {
        RefreshToken first = refreshTokens.issue(41);
        assertEquals(0, redis.sync().exists(kafka.namespace() + ":refresh:" + first.token()), "never stored as is");
        assertEquals(1, redis.sync().exists(kafka.namespace() + ":refresh:" + sha256(first.token())));
        long ttl = redis.sync().pttl(kafka.namespace() + ":refresh:" + sha256(first.token()));
        assertTrue(ttl > 29L * 24 * 3600 * 1000, "kept for the refresh TTL: " + ttl);

        RefreshToken second = refreshTokens.rotate(first.token());
        assertNotEquals(first.token(), second.token());
        assertEquals(first.familyId(), second.familyId());
        assertEquals(41, second.userId());
        RefreshToken other = refreshTokens.issue(41);

        assertCode(ErrorCode.REFRESH_TOKEN_REUSED, () -> refreshTokens.rotate(first.token()));
        assertCode(ErrorCode.REFRESH_TOKEN_INVALID, () -> refreshTokens.rotate(second.token()));
        assertEquals(41, refreshTokens.rotate(other.token()).userId(), "another login stands");
    }

    @Test
    void logoutRevokesOnlyTheCallersOwnFamily() {
        RefreshToken mine = refreshTokens.issue(42);
        refreshTokens.revoke(43, mine.token());
        RefreshToken next = refreshTokens.rotate(mine.token());
        refreshTokens.revoke(42, next.token());
        assertCode(ErrorCode.REFRESH_TOKEN_INVALID, () -> refreshTokens.rotate(next.token()));
        assertCode(ErrorCode.REFRESH_TOKEN_INVALID, () -> refreshTokens.rotate("no-such-token"));
        assertCode(ErrorCode.REFRESH_TOKEN_INVALID, () -> refreshTokens.rotate(null));
    }

    private static void assertCode(ErrorCode code, Runnable call) {
        ParleyException e = assertThrows(ParleyException.class, call::run);
        assertEquals(code, e.error());
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
