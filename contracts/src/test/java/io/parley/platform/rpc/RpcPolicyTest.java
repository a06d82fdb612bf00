package io.parley.platform.rpc;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RpcPolicyTest {
    @Test
    void acceptsTheDefaultsAndTheBounds() {
        new RpcPolicy(Duration.ofSeconds(2), 3, Duration.ofMillis(100), 50, 20,
                Duration.ofSeconds(5), 128);
        new RpcPolicy(Duration.ofMillis(50), 1, Duration.ZERO, 1, 1, Duration.ofMillis(100), 1);
        new RpcPolicy(Duration.ofMinutes(1), 10, Duration.ofSeconds(10), 100, 1000,
                Duration.ofMinutes(10), 100_000);
    }

    @Test
    void refusesEachValueOutsideItsBoundsNamingTheProperty() {
        assertRefused("im.rpc.timeout", () -> new RpcPolicy(Duration.ofMillis(10), 3,
                Duration.ofMillis(100), 50, 20, Duration.ofSeconds(5), 128));
        assertRefused("im.rpc.timeout", () -> new RpcPolicy(null, 3,
                Duration.ofMillis(100), 50, 20, Duration.ofSeconds(5), 128));
        assertRefused("im.rpc.max-attempts", () -> new RpcPolicy(Duration.ofSeconds(2), 0,
                Duration.ofMillis(100), 50, 20, Duration.ofSeconds(5), 128));
        assertRefused("im.rpc.retry-wait", () -> new RpcPolicy(Duration.ofSeconds(2), 3,
                Duration.ofMillis(-1), 50, 20, Duration.ofSeconds(5), 128));
        assertRefused("im.rpc.breaker-failure-rate-percent", () -> new RpcPolicy(
                Duration.ofSeconds(2), 3, Duration.ofMillis(100), 101, 20, Duration.ofSeconds(5),
                128));
        assertRefused("im.rpc.breaker-failure-rate-percent", () -> new RpcPolicy(
                Duration.ofSeconds(2), 3, Duration.ofMillis(100), 0, 20, Duration.ofSeconds(5),
                128));
        assertRefused("im.rpc.breaker-window-calls", () -> new RpcPolicy(Duration.ofSeconds(2),
                3, Duration.ofMillis(100), 50, 0, Duration.ofSeconds(5), 128));
        assertRefused("im.rpc.breaker-open-wait", () -> new RpcPolicy(Duration.ofSeconds(2), 3,
                Duration.ofMillis(100), 50, 20, Duration.ofHours(1), 128));
        assertRefused("im.rpc.max-concurrent-calls", () -> new RpcPolicy(Duration.ofSeconds(2),
                3, Duration.ofMillis(100), 50, 20, Duration.ofSeconds(5), 0));
    }

    private static void assertRefused(String property, Runnable construct) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construct::run);
        assertEquals(property, e.getMessage().substring(0, e.getMessage().indexOf(' ')));
    }
}
