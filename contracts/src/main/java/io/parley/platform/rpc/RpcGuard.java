package io.parley.platform.rpc;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Resilience around the calls to one target service. Only transport failures (unavailable,
 * deadline exceeded) count against the breaker and are retried; a domain error such as
 * "user not found" is an answer, not a failure. Non-idempotent calls are never retried.
 */
public final class RpcGuard {
    private final String target;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final Bulkhead bulkhead;
    private final RpcPolicy policy;

    public RpcGuard(String target, RpcPolicy policy) {
        this.target = target;
        this.policy = policy;
        this.breaker = CircuitBreaker.of(target, CircuitBreakerConfig.custom()
                .failureRateThreshold(policy.breakerFailureRatePercent())
                .slidingWindowSize(policy.breakerWindowCalls())
                .minimumNumberOfCalls(Math.min(10, policy.breakerWindowCalls()))
                .waitDurationInOpenState(policy.breakerOpenWait())
                .recordException(RpcGuard::isTransient)
                .build());
        this.retry = Retry.of(target, RetryConfig.custom()
                .maxAttempts(policy.maxAttempts())
                .waitDuration(policy.retryWait())
                .retryOnException(RpcGuard::isTransient)
                .build());
        this.bulkhead = Bulkhead.of(target, BulkheadConfig.custom()
                .maxConcurrentCalls(policy.maxConcurrentCalls())
                .maxWaitDuration(Duration.ofMillis(50))
                .build());
    }

    /** The deadline each call's stub should carry. */
    public Duration timeout() {
        return policy.timeout();
    }

    public CircuitBreaker.State breakerState() {
        return breaker.getState();
    }

    /** A call that may safely run twice (a read, or a write keyed by the caller). */
    public <T> T idempotent(Supplier<T> call) {
        return run(Retry.decorateSupplier(retry, guarded(call)));
    }

    /** A call that must not be repeated blindly (it creates something). */
    public <T> T once(Supplier<T> call) {
        return run(guarded(call));
    }

    private <T> Supplier<T> guarded(Supplier<T> call) {
        return Bulkhead.decorateSupplier(bulkhead, CircuitBreaker.decorateSupplier(breaker, call));
    }

    private <T> T run(Supplier<T> decorated) {
        try {
            return decorated.get();
        } catch (StatusRuntimeException e) {
            throw GrpcErrors.toParley(e);
        } catch (CallNotPermittedException e) {
            throw new ParleyException(ErrorCode.UNAVAILABLE, target + " is unavailable (circuit open)");
        } catch (BulkheadFullException e) {
            throw new ParleyException(ErrorCode.UNAVAILABLE, target + " is saturated");
        }
    }

    /**
     * A transport failure: the target did not answer. A status carrying an error code is an
     * answer from a live target, even a 9002 ("busy, retry later"), and must not open the breaker.
     */
    private static boolean isTransient(Throwable t) {
        if (t instanceof StatusRuntimeException s) {
            Status.Code code = s.getStatus().getCode();
            boolean answered = s.getTrailers() != null
                    && s.getTrailers().get(GrpcErrors.ERROR_CODE) != null;
            return !answered && (code == Status.Code.UNAVAILABLE
                    || code == Status.Code.DEADLINE_EXCEEDED
                    || code == Status.Code.RESOURCE_EXHAUSTED);
        }
        return false;
    }
}
