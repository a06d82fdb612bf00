package io.parley.platform.rpc;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.grpc.Status;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        assertEquals(Duration.ofSeconds(7), a.timeout());
        assertEquals(CircuitBreaker.State.CLOSED, a.breakerState());
        AtomicInteger attempts = new AtomicInteger();
        assertThrows(ParleyException.class, () -> a.idempotent(() -> {
            attempts.incrementAndGet();
            throw Status.UNAVAILABLE.asRuntimeException();
        }));
        assertEquals(1, attempts.get(), "the replaced policy allows one attempt");
    }
}
