package io.parley.gateway.ratelimit;

import io.parley.platform.instance.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenBucketsTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final TokenBuckets<Long> limiter = new TokenBuckets<>(10, 5, clock);

    @Test
    void allowsABurstThenTheSustainedRatePerUser() {
        int allowed = 0;
        for (int i = 0; i < 20; i++) {
            allowed += limiter.tryAcquire(1L) ? 1 : 0;
        }
        assertEquals(5, allowed, "the burst");
        assertTrue(limiter.tryAcquire(2L), "another user has their own bucket");

        clock.advance(Duration.ofMillis(300)); // 10/s: three more tokens
        int refilled = 0;
        for (int i = 0; i < 10; i++) {
            refilled += limiter.tryAcquire(1L) ? 1 : 0;
        }
        assertEquals(3, refilled);

        clock.advance(Duration.ofMinutes(10));
        int capped = 0;
        for (int i = 0; i < 20; i++) {
            capped += limiter.tryAcquire(1L) ? 1 : 0;
        }
        assertEquals(5, capped, "idle time never buys more than the burst");
    }

    @Test
    void forgetsUsersIdleForAMinute() {
        assertTrue(limiter.tryAcquire(7L));
        clock.advance(Duration.ofMinutes(2));
        limiter.forgetIdle();
        for (int i = 0; i < 5; i++) {
            assertTrue(limiter.tryAcquire(7L), "a fresh bucket");
        }
        assertFalse(limiter.tryAcquire(7L));
    }
}
