package io.parley.platform.rpc;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How a service calls another: per-call deadline, retries of idempotent calls, the circuit
 * breaker that fails fast while a target is down, and the bulkhead that caps concurrent calls.
 * The bounds below hold for the configuration files and for live overrides alike
 * ({@link LiveRpcPolicy}); a value outside them is refused at construction.
 */
@ConfigurationProperties("im.rpc")
public record RpcPolicy(
        @Bindable(defaultValue = "2s") Duration timeout,
        @Bindable(defaultValue = "3") int maxAttempts,
        @Bindable(defaultValue = "100ms") Duration retryWait,
        @Bindable(defaultValue = "50") int breakerFailureRatePercent,
        @Bindable(defaultValue = "20") int breakerWindowCalls,
        @Bindable(defaultValue = "5s") Duration breakerOpenWait,
        @Bindable(defaultValue = "128") int maxConcurrentCalls) {
    static final Duration MIN_TIMEOUT = Duration.ofMillis(50);
    static final Duration MAX_TIMEOUT = Duration.ofMinutes(1);
    static final int MAX_ATTEMPTS = 10;
    static final Duration MAX_RETRY_WAIT = Duration.ofSeconds(10);
    static final int MAX_WINDOW_CALLS = 1000;
    static final Duration MIN_OPEN_WAIT = Duration.ofMillis(100);
    static final Duration MAX_OPEN_WAIT = Duration.ofMinutes(10);
    static final int MAX_CONCURRENT_CALLS = 100_000;

    public RpcPolicy {
        within("im.rpc.timeout", timeout, MIN_TIMEOUT, MAX_TIMEOUT);
        within("im.rpc.max-attempts", maxAttempts, 1, MAX_ATTEMPTS);
        within("im.rpc.retry-wait", retryWait, Duration.ZERO, MAX_RETRY_WAIT);
        within("im.rpc.breaker-failure-rate-percent", breakerFailureRatePercent, 1, 100);
        within("im.rpc.breaker-window-calls", breakerWindowCalls, 1, MAX_WINDOW_CALLS);
        within("im.rpc.breaker-open-wait", breakerOpenWait, MIN_OPEN_WAIT, MAX_OPEN_WAIT);
        within("im.rpc.max-concurrent-calls", maxConcurrentCalls, 1, MAX_CONCURRENT_CALLS);
    }

    private static <T extends Comparable<T>> void within(String property, T value, T min, T max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(property + " must be within " + min + ".." + max
                    + ", was " + value);
        }
    }
}
