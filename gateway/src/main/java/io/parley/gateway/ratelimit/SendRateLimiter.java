package io.parley.gateway.ratelimit;

import io.micronaut.scheduling.annotation.Scheduled;
import io.parley.platform.config.LiveConfig;
import io.parley.platform.config.LiveValue;
import jakarta.inject.Inject;
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
    private final RateLimits limits;
    private final Clock clock;
    private final LiveValue<Double> rate;
    private final LiveValue<Integer> burst;
    private final Map<Long, Lease> leases = new ConcurrentHashMap<>();
    private volatile TokenBuckets<Long> fallback;

    /**
     * The rate and burst can be changed live ({@code <ns>/config/gateway/im.gateway.rate.*}); the
     * Redis bucket follows at the next lease, the fallback bucket starts full at the new size.
     */
    @Inject
    SendRateLimiter(SharedSendBudget budget, RateLimits limits, Clock clock, LiveConfig live) {
        this(budget, limits, clock,
                live.doubleValue("im.gateway.rate.sends-per-second", limits.sendsPerSecond(),
                        0.01, 100_000),
                live.intValue("im.gateway.rate.burst", limits.burst(), 1, 100_000));
    }

    SendRateLimiter(SharedSendBudget budget, RateLimits limits, Clock clock,
                    LiveValue<Double> rate, LiveValue<Integer> burst) {
        this.budget = budget;
        this.limits = limits;
        this.clock = clock;
        this.rate = rate;
        this.burst = burst;
        rebuild();
        rate.onChange(v -> rebuild());
        burst.onChange(v -> rebuild());
    }

    private void rebuild() {
        fallback = new TokenBuckets<>(rate.get(), burst.get(), clock);
    }

    /** Takes one token for {@code userId}; false when the user is over the rate. */
    public CompletableFuture<Boolean> tryAcquire(long userId) {
        Lease lease = leases.computeIfAbsent(userId, id -> new Lease());
        if (lease.take(clock.millis())) {
            return CompletableFuture.completedFuture(true);
        }
        int size = burst.get();
        int want = Math.min(limits.leaseSize(), size);
        return budget.lease(userId, want, rate.get(), size).handle((granted, error) -> {
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
