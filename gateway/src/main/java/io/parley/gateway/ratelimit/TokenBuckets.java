package io.parley.gateway.ratelimit;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key: {@code burst} tokens, refilled at {@code perSecond}. Buckets of keys
 * idle for a minute are dropped by {@link #forgetIdle()}, so memory follows active clients.
 */
public final class TokenBuckets<K> {
    private static final long IDLE_MS = 60_000;

    private final Map<K, Bucket> buckets = new ConcurrentHashMap<>();
    private final double perSecond;
    private final int burst;
    private final Clock clock;

    public TokenBuckets(double perSecond, int burst, Clock clock) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.clock = clock;
    }

    /** Takes one token for {@code key}; false when the key is over the rate. */
    public boolean tryAcquire(K key) {
        long now = clock.millis();
        return buckets.computeIfAbsent(key, k -> new Bucket(burst, now)).take(now);
    }

    public void forgetIdle() {
        long cutoff = clock.millis() - IDLE_MS;
        buckets.values().removeIf(b -> b.lastRefillMs() < cutoff);
    }

    private final class Bucket {
        private double tokens;
        private long lastRefillMs;

        Bucket(double tokens, long nowMs) {
            this.tokens = tokens;
            this.lastRefillMs = nowMs;
        }

        synchronized boolean take(long nowMs) {
            double refill = (nowMs - lastRefillMs) / 1000.0 * perSecond;
            tokens = Math.min(burst, tokens + Math.max(0, refill));
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
