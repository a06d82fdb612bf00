package io.parley.gateway.ratelimit;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.parley.platform.kafka.KafkaSettings;
import jakarta.inject.Singleton;

import java.util.concurrent.CompletableFuture;

/**
 * The per-user send budget every gateway draws from: a token bucket in Redis
 * ({@code <ns>:sendrate:<userId>}, refilled at {@code sends-per-second} up to {@code burst}, by
 * Redis' own clock), read and taken in one Lua script so concurrent gateways never both spend a
 * token. A gateway takes a lease of several tokens at once ({@link SendRateLimiter}).
 */
@Singleton
final class SharedSendBudget {
    private static final String LEASE = """
            local rate = tonumber(ARGV[1])
            local burst = tonumber(ARGV[2])
            local want = tonumber(ARGV[3])
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local b = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
            local tokens = tonumber(b[1])
            local ts = tonumber(b[2])
            if tokens == nil or ts == nil then
              tokens = burst
              ts = now
            end
            tokens = math.min(burst, tokens + math.max(0, now - ts) * rate / 1000)
            local granted = math.min(want, math.floor(tokens))
            tokens = tokens - granted
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
            redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
            return granted
            """;

    private final RedisAsyncCommands<String, String> redis;
    private final RateLimits limits;

    /** {@code <ns>:sendrate:}, the namespace being {@code im.kafka.namespace}. */
    private final String keyPrefix;

    SharedSendBudget(StatefulRedisConnection<String, String> redis, RateLimits limits,
                     KafkaSettings kafka) {
        this.keyPrefix = kafka.namespace() + ":sendrate:";
        this.redis = redis.async();
        this.limits = limits;
    }

    /** Takes up to {@code want} tokens of the user's bucket; how many it got (0 when empty). */
    CompletableFuture<Integer> lease(long userId, int want) {
        return lease(userId, want, limits.sendsPerSecond(), limits.burst());
    }

    /** As {@link #lease(long, int)}, with the bucket's rate and size given (live settings). */
    CompletableFuture<Integer> lease(long userId, int want, double sendsPerSecond, int burst) {
        return redis.<Long>eval(LEASE, ScriptOutputType.INTEGER, new String[] {keyPrefix + userId},
                        Double.toString(sendsPerSecond), Integer.toString(burst),
                        Integer.toString(want))
                .thenApply(Long::intValue).toCompletableFuture();
    }
}
