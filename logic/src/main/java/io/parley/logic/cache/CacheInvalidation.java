package io.parley.logic.cache;

import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The write side of cache-aside, called after the change is committed to MySQL: deletes the keys
 * at once, then produces a task for the job service to delete them again
 * {@code im.logic.cache.second-delete-delay} later. A reader that missed the cache and read MySQL
 * before the commit may write the old value back after the first delete; the second delete removes
 * it. Neither failure fails the change (MySQL has it): the cached value's TTL is the backstop.
 */
@Singleton
public final class CacheInvalidation {
    private static final Logger LOG = LoggerFactory.getLogger(CacheInvalidation.class);

    private final StatefulRedisConnection<String, String> redis;
    private final DelayedEviction secondDelete;

    CacheInvalidation(StatefulRedisConnection<String, String> redis, DelayedEviction secondDelete) {
        this.redis = redis;
        this.secondDelete = secondDelete;
    }

    /** Completes when the delayed delete is scheduled (Kafka has the task). */
    public CompletableFuture<?> invalidate(List<String> keys) {
        try {
            redis.sync().del(keys.toArray(String[]::new));
        } catch (RedisException e) {
            LOG.warn("first delete of {} failed; the delayed one follows: {}", keys,
                    e.getMessage());
        }
        return secondDelete.schedule(keys);
    }
}
