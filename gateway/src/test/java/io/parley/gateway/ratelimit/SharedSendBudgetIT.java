package io.parley.gateway.ratelimit;

import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import io.parley.platform.config.LiveValue;
import io.parley.platform.kafka.KafkaSettings;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two limiters, as on two gateways, against the real Redis: together they allow one user no more
 * than the burst plus what the rate refills, however the user's sends are split between them.
 */
@MicronautTest
class SharedSendBudgetIT {
    @Inject
    KafkaSettings kafka;
    @Inject
    StatefulRedisConnection<String, String> redis;

    @Test
    void twoGatewaysTogetherAllowOneUserOneBurst() throws Exception {
        RateLimits limits = new RateLimits(0.5, 10, 3, Duration.ofSeconds(30));
        SendRateLimiter gw1 = new SendRateLimiter(new SharedSendBudget(redis, limits, kafka), limits,
                Clock.systemUTC(), LiveValue.fixed("rate", limits.sendsPerSecond()),
                LiveValue.fixed("burst", limits.burst()));
        SendRateLimiter gw2 = new SendRateLimiter(new SharedSendBudget(redis, limits, kafka), limits,
                Clock.systemUTC(), LiveValue.fixed("rate", limits.sendsPerSecond()),
                LiveValue.fixed("burst", limits.burst()));
        long user = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
        long started = System.nanoTime();
        int allowed = 0;
        for (int i = 0; i < 40; i++) {
            SendRateLimiter gw = i % 2 == 0 ? gw1 : gw2;
            allowed += gw.tryAcquire(user).get(10, TimeUnit.SECONDS) ? 1 : 0;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        assertTrue(allowed >= 10, "the burst is available: " + allowed);
        assertTrue(allowed <= 10 + Math.ceil(seconds * 0.5), allowed + " in " + seconds + " s");
        long other = user + 1;
        assertTrue(gw2.tryAcquire(other).get(10, TimeUnit.SECONDS), "another user's own bucket");
        assertTrue(redis.sync().pttl(kafka.namespace() + ":sendrate:" + user) > 0, "the bucket expires when idle");
    }
}
