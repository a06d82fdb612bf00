package io.parley.gateway.ratelimit;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per user: {@code burst} tokens, refilled at {@code sendsPerSecond}. Buckets of
 * users who stopped sending are dropped by {@link #forgetIdle()}, so memory follows active users.
 */
@Singleton
public final class SendRateLimiter {
    private static final long IDLE_MS = 60_000;

    private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();
    private final RateLimits limits;
    private final Clock clock;

    SendRateLimiter(RateLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** Takes one token for {@code userId}; false when the user is over the rate. */
    public boolean tryAcquire(long userId) {
        long now = clock.millis();
        return buckets.computeIfAbsent(userId, u -> new Bucket(limits.burst(), now))
                .take(now, limits);
    }

    @io.micronaut.scheduling.annotation.Scheduled(fixedDelay = "60s", initialDelay = "60s")
    void forgetIdle() {
        long cutoff = clock.millis() - IDLE_MS;
        buckets.values().removeIf(b -> b.lastRefillMs() < cutoff);
    }

    private static final class Bucket {
        private double tokens;
        private long lastRefillMs;

        Bucket(double tokens, long nowMs) {
            this.tokens = tokens;
            this.lastRefillMs = nowMs;
        }

        synchronized boolean take(long nowMs, RateLimits limits) {
            double refill = (nowMs - lastRefillMs) / 1000.0 * limits.sendsPerSecond();
            tokens = Math.min(limits.burst(), tokens + Math.max(0, refill));
            lastRefillMs = Math.max(lastRefillMs, nowMs);
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }

        synchronized long lastRefillMs() {
            return lastRefillMs;
        }
    }
}
