package io.parley.platform.rpc;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Positive;

import java.time.Duration;

/**
 * How a service calls another: per-call deadline, retries of idempotent calls, the circuit
 * breaker that fails fast while a target is down, and the bulkhead that caps concurrent calls.
 */
@ConfigurationProperties("im.rpc")
public record RpcPolicy(
        @Bindable(defaultValue = "2s") Duration timeout,
        @Bindable(defaultValue = "3") @Positive int maxAttempts,
        @Bindable(defaultValue = "100ms") Duration retryWait,
        @Bindable(defaultValue = "50") @Positive int breakerFailureRatePercent,
        @Bindable(defaultValue = "20") @Positive int breakerWindowCalls,
        @Bindable(defaultValue = "5s") Duration breakerOpenWait,
        @Bindable(defaultValue = "128") @Positive int maxConcurrentCalls) {
}
