package io.parley.gateway.presence;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RefreshScheduleTest {

    /**
     * The longest a socket opened {@code connectedAtMs} after start waits for its first
     * re-report: its connect report holds its presence entry for one TTL until then.
     */
    private static long waitForFirstRefresh(RefreshSchedule schedule, long connectedAtMs) {
        long at = schedule.firstAfter().toMillis();
        while (at < connectedAtMs) {
            at += schedule.interval().toMillis();
        }
        return at - connectedAtMs;
    }

    @Test
    void theFirstReReportComesOneIntervalAfterStartWhateverTheInterval() {
        for (Duration interval : new Duration[]{Duration.ofMillis(500), Duration.ofSeconds(2),
                Duration.ofSeconds(10), Duration.ofSeconds(30)}) {
            RefreshSchedule schedule = new RefreshSchedule(interval);
            assertEquals(interval, schedule.firstAfter());
            assertEquals(interval, schedule.interval());
        }
    }

    @Test
    void aSocketOpenedAtAnyTimeIsReReportedBeforeATtlOfThreeIntervalsRunsOut() {
        // the test cluster: TTL 6 s, refresh 2 s. The old fixed 10 s first run left a socket
        // opened at start unreported until 10 s: lapsed from 6 s to 10 s.
        RefreshSchedule schedule = new RefreshSchedule(Duration.ofSeconds(2));
        long ttlMs = 6_000;
        for (long connectedAt = 0; connectedAt <= 30_000; connectedAt += 100) {
            long wait = waitForFirstRefresh(schedule, connectedAt);
            assertTrue(wait <= schedule.interval().toMillis() && wait < ttlMs,
                    "opened at " + connectedAt + " ms: first re-report after " + wait + " ms");
        }
    }

    @Test
    void anIntervalThatIsNotPositiveIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RefreshSchedule(Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new RefreshSchedule(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> new RefreshSchedule(null));
    }
}
