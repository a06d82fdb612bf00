package io.parley.logic.account;

import io.lettuce.core.RedisException;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.json.JsonMapper;
import io.parley.logic.cache.CacheSettings;
import io.parley.logic.cache.DelayedEviction;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Profiles in Redis under {@code <ns>:user:<id>:profile}, as JSON with a TTL. A cache only:
 * when Redis fails, reads fall through to MariaDB and the failure is logged, never raised.
 */
@Singleton
final class ProfileCache {
    private static final Logger LOG = LoggerFactory.getLogger(ProfileCache.class);

    private final StatefulRedisConnection<String, String> redis;
    private final JsonMapper json;
    private final CacheSettings settings;
    private final DelayedEviction evictions;

    ProfileCache(StatefulRedisConnection<String, String> redis, JsonMapper json,
                 CacheSettings settings, DelayedEviction evictions) {
        this.redis = redis;
        this.json = json;
        this.settings = settings;
        this.evictions = evictions;
    }

    String key(long userId) {
        return settings.key("user", userId, "profile");
    }

    Optional<Profile> get(long userId) {
        try {
            String cached = redis.sync().get(key(userId));
            return cached == null ? Optional.empty()
                    : Optional.of(json.readValue(cached, Profile.class));
        } catch (RedisException | IOException e) {
            LOG.warn("profile cache read of {} failed: {}", userId, e.toString());
            return Optional.empty();
        }
    }

    void put(Profile profile) {
        try {
            redis.sync().set(key(profile.userId()), json.writeValueAsString(profile),
                    SetArgs.Builder.px(settings.profileTtl().toMillis()));
        } catch (RedisException | IOException e) {
            LOG.warn("profile cache write of {} failed: {}", profile.userId(), e.toString());
        }
    }

    /** After the row changed: delete now, and once more after the second-delete delay. */
    void evict(long userId) {
        String key = key(userId);
        try {
            redis.sync().del(key);
        } catch (RedisException e) {
            LOG.warn("profile cache delete of {} failed: {}", userId, e.toString());
        }
        evictions.schedule(List.of(key));
    }
}
