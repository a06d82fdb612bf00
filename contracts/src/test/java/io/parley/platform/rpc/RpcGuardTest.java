package io.parley.platform.rpc;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.grpc.Status;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
