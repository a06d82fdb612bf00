package io.parley.gateway.auth;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.parley.platform.kafka.KafkaSettings;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Revoked tokens, shared by every gateway through Redis: {@code <ns>:revoked:<jti>} exists until the
 * token would have expired anyway, and every revocation is published on {@code <ns>:revocations} so
 * each gateway closes the sockets opened with that token. The key is written before the publish:
 * whoever hears of a revocation, or checks after it, finds the key.
 */
@Singleton
public final class TokenRevocations {
    /** {@code <ns>:revocations} and {@code <ns>:revoked:} ({@code im.kafka.namespace}). */
    private final String channel;
    private final String keyPrefix;

    private final RedisAsyncCommands<String, String> redis;
    private final StatefulRedisPubSubConnection<String, String> pubSub;

    TokenRevocations(StatefulRedisConnection<String, String> redis,
                     StatefulRedisPubSubConnection<String, String> pubSub, KafkaSettings kafka) {
        this.channel = kafka.namespace() + ":revocations";
        this.keyPrefix = kafka.namespace() + ":revoked:";
        this.redis = redis.async();
        this.pubSub = pubSub;
    }

    /** Completes once the revocation is stored and announced. */
    CompletableFuture<Void> revoke(String tokenId, Duration remaining) {
        if (remaining.isNegative() || remaining.isZero()) {
            return CompletableFuture.completedFuture(null);
        }
        return redis.set(keyPrefix + tokenId, "1", SetArgs.Builder.px(remaining.toMillis()))
                .thenCompose(ok -> redis.publish(channel, tokenId))
                .<Void>thenApply(listeners -> null)
                .toCompletableFuture();
    }

    CompletableFuture<Boolean> isRevoked(String tokenId) {
        return redis.exists(keyPrefix + tokenId).thenApply(n -> n > 0).toCompletableFuture();
    }

    /** Calls {@code listener} with the id of every token revoked from now on, on any gateway. */
    public void onRevoked(Consumer<String> listener) {
        pubSub.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String heard, String tokenId) {
                if (channel.equals(heard)) {
                    listener.accept(tokenId);
                }
            }
        });
        pubSub.sync().subscribe(channel);
    }
}
