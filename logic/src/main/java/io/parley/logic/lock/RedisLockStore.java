package io.parley.logic.lock;

import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import jakarta.inject.Singleton;

/**
 * The lock in Redis: {@code SET key token NX PX ttl} takes it; compare-and-renew and
 * compare-and-delete are Lua scripts, so the check of the token and the change are one atomic
 * step on the server. A Redis failure is reported as {@link ErrorCode#UNAVAILABLE}.
 */
@Singleton
final class RedisLockStore implements LockStore {
    private static final String EXTEND_IF_HELD = """
            if redis.call('get', KEYS[1]) == ARGV[1] then
              return redis.call('pexpire', KEYS[1], ARGV[2])
            end
            return 0""";
    private static final String DELETE_IF_HELD = """
            if redis.call('get', KEYS[1]) == ARGV[1] then
              return redis.call('del', KEYS[1])
            end
            return 0""";

    private final RedisCommands<String, String> redis;

    RedisLockStore(StatefulRedisConnection<String, String> connection) {
        this.redis = connection.sync();
    }

    @Override
    public boolean setIfAbsent(String key, String token, long ttlMs) {
        try {
            return "OK".equals(redis.set(key, token, SetArgs.Builder.nx().px(ttlMs)));
        } catch (RedisException e) {
            throw unavailable(e);
        }
    }

    @Override
    public boolean extendIfHeld(String key, String token, long ttlMs) {
        return script(EXTEND_IF_HELD, key, token, Long.toString(ttlMs));
    }

    @Override
    public boolean deleteIfHeld(String key, String token) {
        return script(DELETE_IF_HELD, key, token);
    }

    private boolean script(String script, String key, String... args) {
        try {
            Long result = redis.eval(script, ScriptOutputType.INTEGER, new String[] {key}, args);
            return result != null && result == 1L;
        } catch (RedisException e) {
            throw unavailable(e);
        }
    }

    private static ParleyException unavailable(RedisException e) {
        return new ParleyException(ErrorCode.UNAVAILABLE, "the lock store is unavailable: "
                + e.getMessage());
    }
}
