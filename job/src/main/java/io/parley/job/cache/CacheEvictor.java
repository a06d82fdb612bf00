package io.parley.job.cache;

import io.lettuce.core.api.StatefulRedisConnection;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The delayed second delete of cache-aside updates: the writer deleted the keys right after its
 * commit, and this deletes them again a moment later, removing any stale value a concurrent reader
 * put back in between.
 */
@Singleton
public final class CacheEvictor {
    private static final Logger LOG = LoggerFactory.getLogger(CacheEvictor.class);

    private final StatefulRedisConnection<String, String> redis;

    CacheEvictor(StatefulRedisConnection<String, String> redis) {
        this.redis = redis;
    }

    public long evict(List<String> keys) {
        if (keys.isEmpty()) {
            return 0;
        }
        long deleted = redis.sync().del(keys.toArray(String[]::new));
        LOG.debug("evicted {} of {} keys", deleted, keys.size());
        return deleted;
    }
}
