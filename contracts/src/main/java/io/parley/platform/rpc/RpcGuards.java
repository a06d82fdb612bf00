package io.parley.platform.rpc;

import io.micrometer.core.instrument.MeterRegistry;
import io.parley.platform.config.LiveConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one {@link RpcGuard} per target service in this process: every client class of a target
 * (the gateway's account, friend, group, conversation, sync and controls clients all call logic)
 * shares its breaker, bulkhead and deadline, so logic being down opens one breaker, not six.
 * The policy follows the live {@code im.rpc.*} settings ({@link LiveRpcPolicy}): a change is
 * applied to every guard at once, and guards created later start with it.
 */
@Singleton
public final class RpcGuards {
    private final Map<String, RpcGuard> byTarget = new ConcurrentHashMap<>();
    private final MeterRegistry meters;
    private volatile RpcPolicy current;

    RpcGuards(RpcPolicy configured, MeterRegistry meters) {
        this.current = configured;
        this.meters = meters;
    }

    @Inject
    RpcGuards(RpcPolicy configured, MeterRegistry meters, LiveConfig live) {
        this(configured, meters);
        LiveRpcPolicy policy = new LiveRpcPolicy(live, configured);
        this.current = policy.current();
        policy.onChange(this::replaceAll);
    }

    /** The guard of {@code target}, created with the policy now in force. */
    public RpcGuard of(String target) {
        RpcGuard guard = byTarget.get(target);
        if (guard != null) {
            return guard;
        }
        synchronized (this) { // with replaceAll: a guard is never created with a replaced policy
            return byTarget.computeIfAbsent(target, t -> new RpcGuard(t, current, meters));
        }
    }

    /** The policy new guards get and every guard has unless replaced on its own. */
    public RpcPolicy policy() {
        return current;
    }

    /**
     * Replaces the policy of one target at runtime; the guard keeps its identity, so clients
     * holding it see the new settings on their next call.
     */
    public void replace(String target, RpcPolicy policy) {
        of(target).apply(policy);
    }

    /** Replaces the policy of every target (a live change of {@code im.rpc.*}). */
    synchronized void replaceAll(RpcPolicy policy) {
        current = policy;
        byTarget.values().forEach(guard -> guard.apply(policy));
    }
}
