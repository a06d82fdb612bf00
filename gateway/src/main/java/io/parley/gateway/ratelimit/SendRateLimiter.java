package io.parley.gateway.ratelimit;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Sends per user, across all of the user's sockets on this gateway. */
@Singleton
public final class SendRateLimiter {
    private final TokenBuckets<Long> buckets;

    SendRateLimiter(RateLimits limits, Clock clock) {
        this.buckets = new TokenBuckets<>(limits.sendsPerSecond(), limits.burst(), clock);
    }

    /** Takes one token for {@code userId}; false when the user is over the rate. */
    public boolean tryAcquire(long userId) {
        return buckets.tryAcquire(userId);
    }

    @Scheduled(fixedDelay = "60s", initialDelay = "60s")
    void forgetIdle() {
        buckets.forgetIdle();
    }
}
