package io.parley.gateway.ratelimit;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends per user, across all of the user's sockets on every gateway. The budget is one Redis
 * bucket per user ({@link SharedSendBudget}); this gateway leases {@code lease-size} tokens at a
 * time and spends them locally, so only one send in {@code lease-size} waits for Redis. A lease
 * unspent after {@code lease-ttl} is dropped (its tokens are lost, never spent twice), so the
 * user's total over all gateways stays within burst + rate × time. If Redis cannot be reached the
 * gateway falls back to a bucket of its own (the old per-gateway limit) rather than refuse sends.
 */
@Singleton
public final class SendRateLimiter {
    private static final Logger LOG = LoggerFactory.getLogger(SendRateLimiter.class);

    private final SharedSendBudget budget;
    private final TokenBuckets<Long> fallback;
    private final RateLimits limits;
    private final Clock clock;
    private final Map<Long, Lease> leases = new ConcurrentHashMap<>();

    SendRateLimiter(SharedSendBudget budget, RateLimits limits, Clock clock) {
        this.budget = budget;
        this.fallback = new TokenBuckets<>(limits.sendsPerSecond(), limits.burst(), clock);
        this.limits = limits;
        this.clock = clock;
    }

    /** Takes one token for {@code userId}; false when the user is over the rate. */
    public CompletableFuture<Boolean> tryAcquire(long userId) {
        Lease lease = leases.computeIfAbsent(userId, id -> new Lease());
        if (lease.take(clock.millis())) {
            return CompletableFuture.completedFuture(true);
        }
        int want = Math.min(limits.leaseSize(), limits.burst());
        return budget.lease(userId, want).handle((granted, error) -> {
            if (error != null) {
                LOG.warn("send budget in Redis unavailable, limiting on this gateway: {}",
                        error.toString());
                return fallback.tryAcquire(userId);
            }
            if (granted <= 0) {
                return false;
            }
            lease.add(granted - 1, clock.millis() + limits.leaseTtl().toMillis());
            return true;
        });
    }

    @Scheduled(fixedDelay = "60s", initialDelay = "60s")
    void forgetIdle() {
        long now = clock.millis();
        leases.values().removeIf(l -> l.isSpent(now));
        fallback.forgetIdle();
    }

    private static final class Lease {
        private int tokens;
        private long expiresAtMs;

        synchronized boolean take(long nowMs) {
            if (tokens > 0 && nowMs < expiresAtMs) {
                tokens--;
                return true;
            }
            tokens = 0;
            return false;
        }

        synchronized void add(int granted, long untilMs) {
            tokens += granted;
            expiresAtMs = untilMs;
        }

        synchronized boolean isSpent(long nowMs) {
            return tokens == 0 || nowMs >= expiresAtMs;
        }
    }
}
