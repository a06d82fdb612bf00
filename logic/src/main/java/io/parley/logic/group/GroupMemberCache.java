package io.parley.logic.group;

import io.lettuce.core.RedisException;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.parley.logic.cache.CacheInvalidation;
import io.parley.platform.kafka.KafkaSettings;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Cache-aside for group member lists, which every group message reads: a hit is one Redis GET; a
 * miss reads MySQL and fills the key with a TTL. Membership changes write MySQL first and then
 * {@link #invalidate} (delete now, delete again a second later through job). Reads are for fan-out
 * and the send check, never for permission checks of changes: those read MySQL under the lock.
 * When Redis fails, reads fall back to MySQL.
 */
@Singleton
public final class GroupMemberCache {
    private static final Logger LOG = LoggerFactory.getLogger(GroupMemberCache.class);

    private final StatefulRedisConnection<String, String> redis;
    private final MemberRepository members;
    private final CacheInvalidation invalidation;
    private final String namespace;
    private final GroupLimits limits;

    GroupMemberCache(StatefulRedisConnection<String, String> redis, MemberRepository members,
                     CacheInvalidation invalidation, KafkaSettings kafka, GroupLimits limits) {
        this.redis = redis;
        this.members = members;
        this.invalidation = invalidation;
        this.namespace = kafka.namespace();
        this.limits = limits;
    }

    /**
     * {@code im:group:<id>:members}. Keys start with the deployment's namespace
     * ({@code im.kafka.namespace}), so a test system sharing Redis never sees another's keys.
     */
    String key(long groupId) {
        return namespace + ":group:" + groupId + ":members";
    }

    /** The group's members; empty when the group does not exist or was dissolved. */
    public MemberList members(long groupId) {
        String key = key(groupId);
        try {
            String cached = redis.sync().get(key);
            if (cached != null) {
                return MemberList.decode(groupId, cached);
            }
        } catch (RedisException e) {
            LOG.warn("member cache read failed, reading MySQL: {}", e.getMessage());
        } catch (RuntimeException e) {
            // Never this code's output; dropped so it cannot stall the message path.
            LOG.warn("unreadable member list under {}, deleting it: {}", key, e.toString());
            drop(key);
        }
        MemberList list = MemberList.of(groupId, members.all(groupId));
        if (!list.isEmpty()) {
            fill(key, list);
        }
        return list;
    }

    /** After a committed change of the group's members or roles. */
    CompletableFuture<?> invalidate(long groupId) {
        return invalidation.invalidate(List.of(key(groupId)));
    }

    private void drop(String key) {
        try {
            redis.sync().del(key);
        } catch (RedisException e) {
            LOG.warn("could not delete {}: {}", key, e.getMessage());
        }
    }

    /** Writes a list read from MySQL; also what a slow reader racing a change would do. */
    void fill(String key, MemberList list) {
        try {
            redis.sync().set(key, list.encode(),
                    SetArgs.Builder.px(limits.memberCacheTtl().toMillis()));
        } catch (RedisException e) {
            LOG.warn("member cache write failed: {}", e.getMessage());
        }
    }
}
