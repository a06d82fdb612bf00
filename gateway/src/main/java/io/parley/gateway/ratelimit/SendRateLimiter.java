package io.parley.gateway.ratelimit;

import io.micronaut.scheduling.annotation.Scheduled;
import io.parley.platform.config.LiveConfig;
import io.parley.platform.config.LiveValue;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Sends per user, across all of the user's sockets on this gateway. */
@Singleton
public final class SendRateLimiter {
    private final Clock clock;
    private final LiveValue<Double> rate;
    private final LiveValue<Integer> burst;
    private volatile TokenBuckets<Long> buckets;

    /**
     * The rate and burst can be changed live ({@code <ns>/config/gateway/im.gateway.rate.*}); a
     * change starts every user with a full bucket at the new size.
     */
    @Inject
    SendRateLimiter(RateLimits limits, Clock clock, LiveConfig live) {
        this(live.doubleValue("im.gateway.rate.sends-per-second", limits.sendsPerSecond(),
                0.01, 100_000), live.intValue("im.gateway.rate.burst", limits.burst(), 1, 100_000),
                clock);
    }

    SendRateLimiter(LiveValue<Double> rate, LiveValue<Integer> burst, Clock clock) {
        this.clock = clock;
        this.rate = rate;
        this.burst = burst;
        rebuild();
        rate.onChange(v -> rebuild());
        burst.onChange(v -> rebuild());
    }

    private void rebuild() {
        buckets = new TokenBuckets<>(rate.get(), burst.get(), clock);
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
