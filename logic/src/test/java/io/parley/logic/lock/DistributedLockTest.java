package io.parley.logic.lock;

import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import io.parley.platform.instance.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lock's waiting and expiry rules, on a fake store and a clock that pauses move. */
class DistributedLockTest {
    private static final LockSettings SETTINGS = new LockSettings(Duration.ofSeconds(5),
            Duration.ofSeconds(1), Duration.ofMillis(4), Duration.ofMillis(64), 100);

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final InMemoryLockStore store = new InMemoryLockStore(clock);
    private final List<Long> pauses = new ArrayList<>();
    private Runnable onPause = () -> { };

    private DistributedLock lock(LockSettings settings) {
        return new DistributedLock(store, settings, "t", clock, ms -> {
            pauses.add(ms);
            clock.advance(Duration.ofMillis(ms));
            onPause.run();
        }, new Random(7));
    }

    @Test
    void aSecondCallerWaitsAWhileWithJitteredGrowingPausesThenGivesUpWith9002() {
        DistributedLock lock = lock(SETTINGS);
        Lease held = lock.acquire("g1");
        Instant start = clock.instant();

        ParleyException e = assertThrows(ParleyException.class, () -> lock.acquire("g1"));

        assertEquals(ErrorCode.UNAVAILABLE, e.error());
        long waited = Duration.between(start, clock.instant()).toMillis();
        assertEquals(1000, waited, "waited exactly max-wait (the last pause is cut to fit)");
        assertTrue(pauses.size() < 100, "bounded attempts: " + pauses.size());
        long backoff = 4;
        for (long p : pauses.subList(0, pauses.size() - 1)) {
            assertTrue(p >= backoff / 2 && p <= backoff, p + " within [" + backoff / 2 + ", "
                    + backoff + "]");
            backoff = Math.min(backoff * 2, 64);
        }
        assertTrue(new HashSet<>(pauses.subList(5, pauses.size() - 1)).size() > 1,
                "jittered, not in lock step: " + pauses);
        held.close();
        assertFalse(store.isHeld("t:lock:g1"));
    }

    @Test
    void givesUpAfterMaxAttemptsEvenWhenTimeRemains() {
        DistributedLock lock = lock(new LockSettings(Duration.ofSeconds(5), Duration.ofSeconds(1),
                Duration.ofMillis(4), Duration.ofMillis(64), 3));
        lock.acquire("g1");
        assertThrows(ParleyException.class, () -> lock.acquire("g1"));
        assertEquals(2, pauses.size(), "3 attempts, 2 pauses between them");
    }

    @Test
    void aWaiterGetsTheLockOnceItsHolderReleasesIt() {
        DistributedLock lock = lock(SETTINGS);
        Lease first = lock.acquire("g1");
        onPause = () -> {
            if (pauses.size() == 3) {
                first.close();
            }
        };
        Lease second = lock.acquire("g1");
        assertEquals(3, pauses.size());
        assertDoesNotThrow(second::confirm);
        assertDoesNotThrow(() -> lock.acquire("g2").close(), "other keys are independent");
    }

    @Test
    void aHolderThatOutlivedItsTtlCannotConfirmNorReleaseItsSuccessorsLock() {
        DistributedLock lock = lock(SETTINGS);
        Lease stalled = lock.acquire("g1");
        clock.advance(Duration.ofSeconds(5)); // the TTL passes: a crashed or stalled holder
        Lease successor = lock.acquire("g1");
        assertTrue(pauses.isEmpty(), "the expired lock is free at once");

        ParleyException lost = assertThrows(ParleyException.class, stalled::confirm);
        assertEquals(ErrorCode.UNAVAILABLE, lost.error());
        stalled.close();
        assertTrue(store.isHeld("t:lock:g1"), "the stale holder did not free its successor's");
        assertDoesNotThrow(successor::confirm);
        successor.close();
        assertFalse(store.isHeld("t:lock:g1"));
    }

    @Test
    void confirmRenewsTheTtlSoALongButLiveHolderKeepsTheLock() {
        DistributedLock lock = lock(SETTINGS);
        Lease lease = lock.acquire("g1");
        clock.advance(Duration.ofMillis(4_000));
        lease.confirm();
        clock.advance(Duration.ofMillis(3_000)); // 7 s after acquiring, 3 s after confirming
        assertTrue(store.isHeld("t:lock:g1"));
        assertThrows(ParleyException.class, () -> lock.acquire("g1"), "held through the wait");
        assertDoesNotThrow(lease::confirm);
    }
}
