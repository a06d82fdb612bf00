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
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;

import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Resilience around the calls to one target service: one breaker, one bulkhead, one deadline,
 * shared by every client class of that target in a service (see {@link RpcGuards}). Only
 * transport failures ({@link #RETRIABLE}: unavailable, deadline exceeded, resource exhausted,
 * without an error code in the trailers) count against the breaker and are retried; a domain
 * error such as "user not found" is an answer, not a failure. Non-idempotent calls are never
 * retried. {@link #apply(RpcPolicy)} replaces the settings at runtime, keeping the breaker's
 * state.
 */
public final class RpcGuard {
    /** The gRPC codes that mean "the target did not answer"; every other code is final. */
    public static final Set<Status.Code> RETRIABLE = Set.of(Status.Code.UNAVAILABLE,
            Status.Code.DEADLINE_EXCEEDED, Status.Code.RESOURCE_EXHAUSTED);

    private final String target;
    private final MeterRegistry meters;
    private final Counter bulkheadRejections;
    private volatile Parts parts;

    /** The resilience4j pieces built from one policy; replaced whole. */
    private record Parts(RpcPolicy policy, CircuitBreaker breaker, Retry retry, Bulkhead bulkhead) {
    }

    public RpcGuard(String target, RpcPolicy policy) {
        this(target, policy, new SimpleMeterRegistry());
    }

    public RpcGuard(String target, RpcPolicy policy, MeterRegistry meters) {
        this.target = target;
        this.meters = meters;
        this.bulkheadRejections = Counter.builder("parley.rpc.bulkhead.rejections")
                .description("calls refused because the target's bulkhead was full")
                .tag("target", target).register(meters);
        Gauge.builder("parley.rpc.breaker.state", this, g -> stateValue(g.breakerState()))
                .description("0 closed, 1 open, 2 half-open, 3 other")
                .tag("target", target).register(meters);
        this.parts = build(policy);
    }

    /**
     * Replaces the settings (live config). The breaker is rebuilt with the new thresholds but
     * keeps its state: an open breaker stays open (and half-opens after the new open wait), a
     * half-open one is half-open again with the new number of trial calls; only the counts of the
     * sliding window start empty. Calls in flight finish under the old breaker and bulkhead, so
     * for at most one call deadline after a change the concurrency bound is the new limit plus
     * what was already running. (Resilience4j's {@code Bulkhead.changeConfig} would keep one
     * bulkhead, but lowering its limit blocks until enough calls in flight have finished, and
     * this runs on the etcd watch thread.)
     */
    public synchronized void apply(RpcPolicy policy) {
        Parts old = parts;
        CircuitBreaker breaker = breaker(policy);
        switch (old.breaker().getState()) {
            case OPEN, FORCED_OPEN -> breaker.transitionToOpenState();
            case HALF_OPEN -> {
                breaker.transitionToOpenState();
                breaker.transitionToHalfOpenState();
            }
            default -> {
            }
        }
        countTransitions(breaker);
        this.parts = new Parts(policy, breaker, retry(policy), Bulkhead.of(target,
                bulkheadConfig(policy)));
    }

    public String target() {
        return target;
    }

    public RpcPolicy policy() {
        return parts.policy();
    }

    /** The deadline each call's stub should carry. */
    public Duration timeout() {
        return parts.policy().timeout();
    }

    public CircuitBreaker.State breakerState() {
        return parts.breaker().getState();
    }

    /** A call that may safely run twice (a read, or a write keyed by the caller). */
    public <T> T idempotent(Supplier<T> call) {
        Parts p = parts;
        return run(Retry.decorateSupplier(p.retry(), guarded(p, call)));
    }

    /** A call that must not be repeated blindly (it creates something). */
    public <T> T once(Supplier<T> call) {
        return run(guarded(parts, call));
    }

    private Parts build(RpcPolicy policy) {
        CircuitBreaker breaker = breaker(policy);
        countTransitions(breaker);
        return new Parts(policy, breaker, retry(policy),
                Bulkhead.of(target, bulkheadConfig(policy)));
    }

    private CircuitBreaker breaker(RpcPolicy policy) {
        return CircuitBreaker.of(target, CircuitBreakerConfig.custom()
                .failureRateThreshold(policy.breakerFailureRatePercent())
                .slidingWindowSize(policy.breakerWindowCalls())
                .minimumNumberOfCalls(Math.min(10, policy.breakerWindowCalls()))
                .waitDurationInOpenState(policy.breakerOpenWait())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .recordException(RpcGuard::isTransient)
                .build());
    }

    /** Registered after a carried-over state was set, so a replacement is not a transition. */
    private void countTransitions(CircuitBreaker breaker) {
        breaker.getEventPublisher().onStateTransition(e -> meters.counter(
                "parley.rpc.breaker.transitions", "target", target,
                "from", e.getStateTransition().getFromState().name(),
                "to", e.getStateTransition().getToState().name()).increment());
    }

    private Retry retry(RpcPolicy policy) {
        return Retry.of(target, RetryConfig.custom()
                .maxAttempts(policy.maxAttempts())
                .waitDuration(policy.retryWait())
                .retryOnException(RpcGuard::isTransient)
                .build());
    }

    private static BulkheadConfig bulkheadConfig(RpcPolicy policy) {
        return BulkheadConfig.custom()
                .maxConcurrentCalls(policy.maxConcurrentCalls())
                .maxWaitDuration(Duration.ofMillis(50))
                .build();
    }

    private static <T> Supplier<T> guarded(Parts p, Supplier<T> call) {
        return Bulkhead.decorateSupplier(p.bulkhead(),
                CircuitBreaker.decorateSupplier(p.breaker(), call));
    }

    private <T> T run(Supplier<T> decorated) {
        try {
            return decorated.get();
        } catch (StatusRuntimeException e) {
            throw GrpcErrors.toParley(e);
        } catch (CallNotPermittedException e) {
            throw new ParleyException(ErrorCode.UNAVAILABLE, target + " is unavailable (circuit open)");
        } catch (BulkheadFullException e) {
            bulkheadRejections.increment();
            throw new ParleyException(ErrorCode.UNAVAILABLE, target + " is saturated");
        }
    }

    private static double stateValue(CircuitBreaker.State state) {
        return switch (state) {
            case CLOSED -> 0;
            case OPEN, FORCED_OPEN -> 1;
            case HALF_OPEN -> 2;
            default -> 3;
        };
    }

    /**
     * A transport failure: the target did not answer. A status carrying an error code is an
     * answer from a live target, even a 9002 ("busy, retry later"), and must not open the breaker.
     */
    static boolean isTransient(Throwable t) {
        if (t instanceof StatusRuntimeException s) {
            boolean answered = s.getTrailers() != null
                    && s.getTrailers().get(GrpcErrors.ERROR_CODE) != null;
            return !answered && RETRIABLE.contains(s.getStatus().getCode());
        }
        return false;
    }
}
