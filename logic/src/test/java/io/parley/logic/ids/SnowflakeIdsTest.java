package io.parley.logic.ids;

import io.parley.platform.instance.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnowflakeIdsTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T10:00:00Z"));

    @Test
    void embedsTimeAndWorkerAndStaysIncreasingWithinOneMillisecond() {
        SnowflakeIds ids = new SnowflakeIds(clock, () -> 77);
        long previous = 0;
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) { // more than 4096: spills into the next millisecond
            long id = ids.next();
            assertTrue(id > previous, "increasing");
            assertTrue(seen.add(id), "unique");
            previous = id;
        }
        assertEquals(77, SnowflakeIds.workerOf(previous));
        assertTrue(SnowflakeIds.timeOf(previous).isAfter(clock.instant()),
                "borrowed milliseconds while the clock stood still");
    }

    @Test
    void keepsIssuingIncreasingIdsWhenTheClockStepsBack() {
        SnowflakeIds ids = new SnowflakeIds(clock, () -> 1);
        long before = ids.next();
        clock.advance(Duration.ofSeconds(-5));
        long after = ids.next();
        assertTrue(after > before, "never goes back");
        clock.advance(Duration.ofSeconds(10));
        long later = ids.next();
        assertEquals(clock.instant(), SnowflakeIds.timeOf(later), "follows the clock again");
    }

    @Test
    void differentWorkersNeverCollideInTheSameMillisecond() {
        Set<Long> seen = new HashSet<>();
        for (int worker = 0; worker < 4; worker++) {
            SnowflakeIds ids = new SnowflakeIds(clock, constant(worker));
            for (int i = 0; i < 100; i++) {
                assertTrue(seen.add(ids.next()));
            }
        }
    }

    private static WorkerId constant(int worker) {
        return () -> worker;
    }
}
