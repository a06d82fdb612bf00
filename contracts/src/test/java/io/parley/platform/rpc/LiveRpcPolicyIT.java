package io.parley.platform.rpc;

import io.etcd.jetcd.Client;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.grpc.Status;
import io.micronaut.context.ApplicationContext;
import io.parley.platform.config.LiveOverrides;
import io.parley.contracts.error.ParleyException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.parley.platform.config.LiveOverrides.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The breaker settings from etcd (own namespace): a valid change reaches the one shared guard of
 * every target, a bad value is refused and the old one kept, a delete restores the file value.
 */
class LiveRpcPolicyIT {
    private final String ns = "/parley-liverpc-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void changedBreakerSettingsApplyToTheSharedGuardAndBadOnesAreRefused() throws Exception {
        try (ApplicationContext ctx = ApplicationContext.run(Map.of(
                "micronaut.application.name", "svc", "im.etcd.namespace", ns,
                "im.etcd.register", "false", "im.rpc.breaker-open-wait", "1m"))) {
            LiveOverrides etcd = new LiveOverrides(ctx.getBean(Client.class), ns + "/config/svc/");
            RpcGuards guards = ctx.getBean(RpcGuards.class);
            RpcGuard logic = guards.of("logic");
            assertEquals(20, logic.policy().breakerWindowCalls());

            long put = System.nanoTime();
            etcd.put("im.rpc.breaker-window-calls", "2");
            await(() -> logic.policy().breakerWindowCalls() == 2, "the first change applied");
            System.out.printf("LIVE-CONFIG: put to applied in %.1f ms%n",
                    (System.nanoTime() - put) / 1e6);
            etcd.put("im.rpc.max-attempts", "1");
            etcd.put("im.rpc.timeout", "750ms");
            await(() -> logic.policy().breakerWindowCalls() == 2
                    && logic.policy().maxAttempts() == 1
                    && logic.timeout().equals(Duration.ofMillis(750)), "valid values applied");
            for (int i = 0; i < 2; i++) {
                assertThrows(ParleyException.class, () -> logic.idempotent(() -> {
                    throw Status.UNAVAILABLE.asRuntimeException();
                }));
            }
            assertEquals(CircuitBreaker.State.OPEN, logic.breakerState(),
                    "two failures open a breaker with a window of two");

            etcd.put("im.rpc.breaker-failure-rate-percent", "101");
            etcd.put("im.rpc.breaker-failure-rate-percent", "half");
            etcd.put("im.rpc.breaker-open-wait", "0s");
            etcd.put("im.rpc.breaker-window-calls", "3"); // a marker after the refused ones
            await(() -> logic.policy().breakerWindowCalls() == 3, "later valid value applied");
            assertEquals(50, logic.policy().breakerFailureRatePercent(), "101 and 'half' refused");
            assertEquals(Duration.ofMinutes(1), logic.policy().breakerOpenWait(), "0s refused");
            assertEquals(CircuitBreaker.State.OPEN, logic.breakerState(),
                    "the open breaker stayed open through the change");
            assertSame(logic, guards.of("logic"));
            assertEquals(3, guards.of("session").policy().breakerWindowCalls(),
                    "a guard created after the change has it too");

            etcd.delete("im.rpc.breaker-window-calls");
            await(() -> logic.policy().breakerWindowCalls() == 20,
                    "delete returns to the configured value");
        }
    }
}
