package io.parley.platform.rpc;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.grpc.Status;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RpcGuardTest {
    private final RpcPolicy policy = new RpcPolicy(Duration.ofSeconds(1), 3, Duration.ofMillis(1),
            50, 10, Duration.ofMinutes(1), 8);

    @Test
    void retriesTransientFailuresOfIdempotentCallsOnly() {
        RpcGuard guard = new RpcGuard("t", policy);
        AtomicInteger attempts = new AtomicInteger();
        String result = guard.idempotent(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw Status.UNAVAILABLE.asRuntimeException();
            }
            return "ok";
        });
        assertEquals("ok", result);
        assertEquals(3, attempts.get());

        AtomicInteger once = new AtomicInteger();
        ParleyException e = assertThrows(ParleyException.class, () -> guard.once(() -> {
            once.incrementAndGet();
            throw Status.UNAVAILABLE.asRuntimeException();
        }));
        assertEquals(ErrorCode.UNAVAILABLE, e.error());
        assertEquals(1, once.get());
    }

    @Test
    void domainErrorsPassThroughWithTheirCodeAndNeverOpenTheBreaker() {
        RpcGuard guard = new RpcGuard("t", policy);
        for (int i = 0; i < 20; i++) {
            ParleyException e = assertThrows(ParleyException.class, () -> guard.idempotent(() -> {
                throw GrpcErrors.toStatus(new ParleyException(ErrorCode.USER_NOT_FOUND));
            }));
            assertEquals(ErrorCode.USER_NOT_FOUND, e.error());
        }
        assertEquals(CircuitBreaker.State.CLOSED, guard.breakerState());
    }

    @Test
    void aBusyAnswerFromALiveTargetIsPassedOnButNeverOpensTheBreaker() {
        RpcGuard guard = new RpcGuard("t", policy);
        for (int i = 0; i < 20; i++) {
            ParleyException e = assertThrows(ParleyException.class, () -> guard.once(() -> {
                throw GrpcErrors.toStatus(new ParleyException(ErrorCode.UNAVAILABLE, "busy"));
            }));
            assertEquals(ErrorCode.UNAVAILABLE, e.error());
            assertEquals("busy", e.getMessage());
        }
        assertEquals(CircuitBreaker.State.CLOSED, guard.breakerState());
    }

    @Test
    void opensTheBreakerWhenTheTargetIsDownAndThenFailsFast() {
        RpcGuard guard = new RpcGuard("t", policy);
        AtomicInteger calls = new AtomicInteger();
        for (int i = 0; i < 10; i++) {
            assertThrows(ParleyException.class, () -> guard.once(() -> {
                calls.incrementAndGet();
                throw Status.DEADLINE_EXCEEDED.asRuntimeException();
            }));
        }
        assertEquals(CircuitBreaker.State.OPEN, guard.breakerState());
        int before = calls.get();
        ParleyException e = assertThrows(ParleyException.class, () -> guard.once(() -> {
            calls.incrementAndGet();
            return "never";
        }));
        assertEquals(ErrorCode.UNAVAILABLE, e.error());
        assertEquals(before, calls.get(), "an open breaker does not call the target");
    }

    @Test
    void nonRetriableStatusesAreNeitherRetriedNorCountedAgainstTheBreaker() {
        RpcGuard guard = new RpcGuard("t", policy);
        AtomicInteger attempts = new AtomicInteger();
        for (int i = 0; i < 20; i++) {
            assertThrows(ParleyException.class, () -> guard.idempotent(() -> {
                attempts.incrementAndGet();
                throw Status.INVALID_ARGUMENT.asRuntimeException();
            }));
        }
        assertEquals(20, attempts.get(), "one attempt per call");
        assertEquals(CircuitBreaker.State.CLOSED, guard.breakerState());
    }

    @Test
    void everyClientOfATargetSharesOneGuardWhosePolicyCanBeReplacedLive() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RpcGuards guards = new RpcGuards(policy, meters);
        RpcGuard a = guards.of("logic");
        assertSame(a, guards.of("logic"));
        assertNotSame(a, guards.of("session"));
        for (int i = 0; i < 10; i++) {
            assertThrows(ParleyException.class, () -> a.once(() -> {
                throw Status.UNAVAILABLE.asRuntimeException();
            }));
        }
        assertEquals(CircuitBreaker.State.OPEN, guards.of("logic").breakerState(),
                "a second client of logic sees the breaker the first one opened");
        assertEquals(1.0, meters.get("parley.rpc.breaker.state").tag("target", "logic")
                .gauge().value());
        assertEquals(1.0, meters.get("parley.rpc.breaker.transitions").tag("target", "logic")
                .tag("to", "OPEN").counter().count());

        RpcPolicy slower = new RpcPolicy(Duration.ofSeconds(7), 1, Duration.ofMillis(1),
                50, 10, Duration.ofMinutes(1), 8);
        guards.replace("logic", slower);
        assertSame(a, guards.of("logic"), "the guard keeps its identity");
        assertEquals(Duration.ofSeconds(7), a.timeout());
        assertEquals(CircuitBreaker.State.OPEN, a.breakerState(),
                "a new policy does not let calls through to a target that is down");
        assertEquals(1.0, meters.get("parley.rpc.breaker.transitions").tag("target", "logic")
                .tag("to", "OPEN").counter().count(), "a replacement is not a transition");
    }

    @Test
    void aReplacedPolicyAppliesToTheNextCall() {
        RpcGuards guards = new RpcGuards(policy, new SimpleMeterRegistry());
        RpcGuard guard = guards.of("logic");
        guards.replaceAll(new RpcPolicy(Duration.ofSeconds(1), 1, Duration.ofMillis(1),
                50, 2, Duration.ofMinutes(1), 8));
        AtomicInteger attempts = new AtomicInteger();
        for (int i = 0; i < 2; i++) {
            assertThrows(ParleyException.class, () -> guard.idempotent(() -> {
                attempts.incrementAndGet();
                throw Status.UNAVAILABLE.asRuntimeException();
            }));
        }
        assertEquals(2, attempts.get(), "one attempt per call under the new policy");
        assertEquals(CircuitBreaker.State.OPEN, guard.breakerState(),
                "a window of two calls opens after two failures (ten under the old one)");
        assertEquals(2, guards.of("session").policy().breakerWindowCalls(),
                "a guard created later starts with the replaced policy");
    }

    @Test
    void aRaisedBulkheadLimitAdmitsTheNextCall() throws Exception {
        RpcGuard guard = new RpcGuard("t", new RpcPolicy(Duration.ofSeconds(1), 1,
                Duration.ofMillis(1), 50, 10, Duration.ofMinutes(1), 1));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> guard.once(() -> {
            inside.countDown();
            try {
                return release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        holder.start();
        try {
            assertTrue(inside.await(30, TimeUnit.SECONDS));
            ParleyException full = assertThrows(ParleyException.class, () -> guard.once(() -> "x"));
            assertEquals("t is saturated", full.getMessage());
            guard.apply(new RpcPolicy(Duration.ofSeconds(1), 1, Duration.ofMillis(1), 50, 10,
                    Duration.ofMinutes(1), 2));
            assertEquals("x", guard.once(() -> "x"), "a second call fits under the new limit");
        } finally {
            release.countDown();
            holder.join(30_000);
        }
        assertEquals("x", guard.once(() -> "x"));
    }
}
