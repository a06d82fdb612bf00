package io.parley.platform.rpc;

import io.parley.platform.config.LiveConfig;
import io.parley.platform.config.LiveValue;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The {@code im.rpc.*} settings as live values: each of the seven can be overridden under
 * {@code <ns>/config/<service>/im.rpc.<property>}, within {@link RpcPolicy}'s bounds (a value
 * outside them is refused and logged by {@link LiveValue}, the old one kept). A change of any of
 * them yields the whole policy rebuilt from the values now.
 */
final class LiveRpcPolicy {
    private final LiveValue<Duration> timeout;
    private final LiveValue<Integer> maxAttempts;
    private final LiveValue<Duration> retryWait;
    private final LiveValue<Integer> failureRate;
    private final LiveValue<Integer> windowCalls;
    private final LiveValue<Duration> openWait;
    private final LiveValue<Integer> maxConcurrent;

    LiveRpcPolicy(LiveConfig live, RpcPolicy configured) {
        timeout = live.durationValue("im.rpc.timeout", configured.timeout(),
                RpcPolicy.MIN_TIMEOUT, RpcPolicy.MAX_TIMEOUT);
        maxAttempts = live.intValue("im.rpc.max-attempts", configured.maxAttempts(),
                1, RpcPolicy.MAX_ATTEMPTS);
        retryWait = live.durationValue("im.rpc.retry-wait", configured.retryWait(),
                Duration.ZERO, RpcPolicy.MAX_RETRY_WAIT);
        failureRate = live.intValue("im.rpc.breaker-failure-rate-percent",
                configured.breakerFailureRatePercent(), 1, 100);
        windowCalls = live.intValue("im.rpc.breaker-window-calls",
                configured.breakerWindowCalls(), 1, RpcPolicy.MAX_WINDOW_CALLS);
        openWait = live.durationValue("im.rpc.breaker-open-wait", configured.breakerOpenWait(),
                RpcPolicy.MIN_OPEN_WAIT, RpcPolicy.MAX_OPEN_WAIT);
        maxConcurrent = live.intValue("im.rpc.max-concurrent-calls",
                configured.maxConcurrentCalls(), 1, RpcPolicy.MAX_CONCURRENT_CALLS);
    }

    RpcPolicy current() {
        return new RpcPolicy(timeout.get(), maxAttempts.get(), retryWait.get(), failureRate.get(),
                windowCalls.get(), openWait.get(), maxConcurrent.get());
    }

    /** Calls {@code listener} with the rebuilt policy after any of the seven changed. */
    void onChange(Consumer<RpcPolicy> listener) {
        for (LiveValue<?> v : List.of(timeout, maxAttempts, retryWait, failureRate, windowCalls,
                openWait, maxConcurrent)) {
            v.onChange(ignored -> listener.accept(current()));
        }
    }
}
