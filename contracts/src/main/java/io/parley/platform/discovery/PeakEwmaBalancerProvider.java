package io.parley.platform.discovery;

import io.grpc.LoadBalancer;
import io.grpc.LoadBalancerProvider;
import io.grpc.LoadBalancerRegistry;

import java.util.concurrent.TimeUnit;

/** Makes {@link PeakEwmaBalancer} available to channels under {@link #POLICY}. */
final class PeakEwmaBalancerProvider extends LoadBalancerProvider {
    static final String POLICY = "parley_p2c_peak_ewma";
    /** How fast the latency average forgets: Finagle's default decay window. */
    private static final long TAU_NANOS = TimeUnit.SECONDS.toNanos(10);

    private static volatile boolean registered;

    /** Registers the policy once per JVM (the registry is global). */
    static synchronized void register() {
        if (!registered) {
            LoadBalancerRegistry.getDefaultRegistry().register(new PeakEwmaBalancerProvider());
            registered = true;
        }
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public int getPriority() {
        return 5;
    }

    @Override
    public String getPolicyName() {
        return POLICY;
    }

    @Override
    public LoadBalancer newLoadBalancer(LoadBalancer.Helper helper) {
        return new PeakEwmaBalancer(helper, TAU_NANOS);
    }
}
