package io.parley.gateway.ws;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectionLifetimeTest {
    private final ConnectionLifetime lifetime = new ConnectionLifetime(Duration.ofMinutes(30),
            Duration.ofHours(1), 0.2);

    @Test
    void idleWithoutUserTrafficCloses4409() {
        long t0 = 1_000_000;
        assertNull(lifetime.expired("c1", t0, t0, t0 + Duration.ofMinutes(29).toMillis()));
        assertEquals(4409, lifetime.expired("c1", t0, t0, t0 + Duration.ofMinutes(30).toMillis())
                .getCode());
    }

    @Test
    void ageClosesWithin80To100PercentOfMaxAgeSpreadOverConnections() {
        long t0 = 0;
        Set<Long> deadlines = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            long d = lifetime.ageDeadline("conn-" + i, t0);
            assertTrue(d >= Duration.ofMinutes(48).toMillis() && d <= Duration.ofMinutes(60).toMillis(),
                    "deadline " + d);
            deadlines.add(d / 60_000);
        }
        assertTrue(deadlines.size() >= 8, "jitter spreads deadlines over minutes: " + deadlines);
        long d = lifetime.ageDeadline("c2", t0);
        assertEquals(4410, lifetime.expired("c2", t0, d, d).getCode());
        assertNull(lifetime.expired("c2", t0, d - 1, d - 1));
    }

    @Test
    void zeroTurnsATimerOff() {
        ConnectionLifetime off = new ConnectionLifetime(Duration.ZERO, Duration.ZERO, 0.2);
        assertNull(off.expired("c", 0, 0, Duration.ofDays(30).toMillis()));
    }
}
