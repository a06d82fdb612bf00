package io.parley.gateway.auth;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import io.parley.platform.kafka.KafkaSettings;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * Rotating refresh tokens in Redis, shared by every gateway. A token is 32 random bytes; only its
 * SHA-256 is stored ({@code <ns>:refresh:<hash>}: user, name, family, uses), for the refresh TTL.
 * Using one hands out the next of its family and spends it; a spent token presented again means
 * it leaked, so the whole family is revoked ({@code <ns>:refresh-revoked:<family>}) and the thief
 * and the owner both sign in again. Logging out revokes the family the same way.
 */
@Singleton
final class RefreshTokens {
    /** {@code <ns>:refresh:} and {@code <ns>:refresh-revoked:} ({@code im.kafka.namespace}). */
    private final String keyPrefix;
    private final String revokedPrefix;
    private static final Base64.Encoder TOKEN_TEXT = Base64.getUrlEncoder().withoutPadding();

    private final RedisCommands<String, String> redis;
    private final AuthSettings settings;
    private final SecureRandom random = new SecureRandom();

    RefreshTokens(StatefulRedisConnection<String, String> redis, AuthSettings settings,
                  KafkaSettings kafka) {
        this.keyPrefix = kafka.namespace() + ":refresh:";
        this.revokedPrefix = kafka.namespace() + ":refresh-revoked:";
        this.redis = redis.sync();
        this.settings = settings;
    }

    /** The first token of a new family: what a login hands out. */
    RefreshToken issue(long userId) {
        return store(userId, randomText(16));
    }

    /**
     * Spends {@code token} and returns the next one of its family. Unknown, expired or revoked:
     * REFRESH_TOKEN_INVALID. Already spent: the family is revoked, REFRESH_TOKEN_REUSED.
     */
    RefreshToken rotate(String token) {
        String key = keyPrefix + hash(token);
        RefreshToken current = find(key, token);
        if (redis.hincrby(key, "uses", 1) > 1) {
            revokeFamily(current.familyId());
            throw new ParleyException(ErrorCode.REFRESH_TOKEN_REUSED);
        }
        return store(current.userId(), current.familyId());
    }

    /** Logs the family of {@code token} out, if it is {@code userId}'s; anything else is ignored. */
    void revoke(long userId, String token) {
        Map<String, String> row = redis.hgetall(keyPrefix + hash(token));
        if (!row.isEmpty() && Long.toString(userId).equals(row.get("user"))) {
            revokeFamily(row.get("family"));
        }
    }

    long ttlSeconds() {
        return settings.refreshTtl().toSeconds();
    }

    private RefreshToken find(String key, String token) {
        Map<String, String> row = redis.hgetall(key);
        if (row.isEmpty() || redis.exists(revokedPrefix + row.get("family")) > 0) {
            throw new ParleyException(ErrorCode.REFRESH_TOKEN_INVALID);
        }
        return new RefreshToken(token, Long.parseLong(row.get("user")), row.get("family"));
    }

    private RefreshToken store(long userId, String familyId) {
        String token = randomText(32);
        String key = keyPrefix + hash(token);
        redis.hset(key, Map.of("user", Long.toString(userId), "family", familyId, "uses", "0"));
        redis.pexpire(key, settings.refreshTtl().toMillis());
        return new RefreshToken(token, userId, familyId);
    }

    /** Remembered as long as any token of the family could still be presented. */
    private void revokeFamily(String familyId) {
        redis.set(revokedPrefix + familyId, "1",
                SetArgs.Builder.px(settings.refreshTtl().toMillis()));
    }

    private String randomText(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return TOKEN_TEXT.encodeToString(b);
    }

    private static String hash(String token) {
        if (token == null || token.isBlank() || token.length() > 128) {
            throw new ParleyException(ErrorCode.REFRESH_TOKEN_INVALID);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
