package io.parley.platform.rpc;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one {@link RpcGuard} per target service in this process: every client class of a target
 * (the gateway's account, friend, group and conversation clients all call logic) shares its
 * breaker, bulkhead and deadline, so logic being down opens one breaker, not four.
 */
@Singleton
public final class RpcGuards {
    private final Map<String, RpcGuard> byTarget = new ConcurrentHashMap<>();
    private final RpcPolicy defaults;
    private final MeterRegistry meters;

    RpcGuards(RpcPolicy defaults, MeterRegistry meters) {
        this.defaults = defaults;
        this.meters = meters;
    }

    /** The guard of {@code target}, created with the configured {@code im.rpc} policy. */
    public RpcGuard of(String target) {
        return byTarget.computeIfAbsent(target, t -> new RpcGuard(t, defaults, meters));
    }

    /**
     * Replaces the policy of one target at runtime (the hook for live configuration); the
     * guard keeps its identity, so clients holding it see the new settings on their next call.
     */
    public void replace(String target, RpcPolicy policy) {
        of(target).apply(policy);
    }
}
