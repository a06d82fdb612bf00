package io.parley.gateway.auth;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Revoked tokens, shared by every gateway through Redis: {@code im:revoked:<jti>} exists until the
 * token would have expired anyway, and every revocation is published on {@code im:revocations} so
 * each gateway closes the sockets opened with that token. The key is written before the publish:
 * whoever hears of a revocation, or checks after it, finds the key.
 */
@Singleton
public final class TokenRevocations {
    static final String CHANNEL = "im:revocations";
    private static final String KEY_PREFIX = "im:revoked:";

    private final RedisAsyncCommands<String, String> redis;
    private final StatefulRedisPubSubConnection<String, String> pubSub;

    TokenRevocations(StatefulRedisConnection<String, String> redis,
                     StatefulRedisPubSubConnection<String, String> pubSub) {
        this.redis = redis.async();
        this.pubSub = pubSub;
    }

    /** Completes once the revocation is stored and announced. */
    CompletableFuture<Void> revoke(String tokenId, Duration remaining) {
        if (remaining.isNegative() || remaining.isZero()) {
            return CompletableFuture.completedFuture(null);
        }
        return redis.set(KEY_PREFIX + tokenId, "1", SetArgs.Builder.px(remaining.toMillis()))
                .thenCompose(ok -> redis.publish(CHANNEL, tokenId))
                .<Void>thenApply(listeners -> null)
                .toCompletableFuture();
    }

    CompletableFuture<Boolean> isRevoked(String tokenId) {
        return redis.exists(KEY_PREFIX + tokenId).thenApply(n -> n > 0).toCompletableFuture();
    }

    /** Calls {@code listener} with the id of every token revoked from now on, on any gateway. */
    public void onRevoked(Consumer<String> listener) {
        pubSub.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String tokenId) {
                if (CHANNEL.equals(channel)) {
                    listener.accept(tokenId);
                }
            }
        });
        pubSub.sync().subscribe(CHANNEL);
    }
}
