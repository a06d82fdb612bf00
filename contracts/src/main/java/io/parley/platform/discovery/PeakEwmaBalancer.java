package io.parley.platform.discovery;

import io.grpc.Attributes;
import io.grpc.ClientStreamTracer;
import io.grpc.ConnectivityState;
import io.grpc.ConnectivityStateInfo;
import io.grpc.EquivalentAddressGroup;
import io.grpc.LoadBalancer;
import io.grpc.Metadata;
import io.grpc.Status;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * gRPC load balancer over the instances the etcd resolver reports: power of two choices on
 * {@link PeakEwma} cost. Each call picks two ready instances at random and goes to the cheaper,
 * so a slow or overloaded instance receives less traffic without any server-side reporting, and a
 * new instance is tried at once.
 */
final class PeakEwmaBalancer extends LoadBalancer {
    private final Helper helper;
    private final long tauNanos;
    private final Map<EquivalentAddressGroup, Instance> instances = new HashMap<>();

    PeakEwmaBalancer(Helper helper, long tauNanos) {
        this.helper = helper;
        this.tauNanos = tauNanos;
    }

    @Override
    public Status acceptResolvedAddresses(ResolvedAddresses resolved) {
        List<EquivalentAddressGroup> addresses = resolved.getAddresses();
        if (addresses.isEmpty()) {
            handleNameResolutionError(Status.UNAVAILABLE.withDescription("no addresses resolved"));
            return Status.UNAVAILABLE;
        }
        Set<EquivalentAddressGroup> wanted = new HashSet<>();
        for (EquivalentAddressGroup eag : addresses) {
            EquivalentAddressGroup key = new EquivalentAddressGroup(eag.getAddresses());
            wanted.add(key);
            instances.computeIfAbsent(key, this::open);
        }
        instances.entrySet().removeIf(e -> {
            if (!wanted.contains(e.getKey())) {
                e.getValue().subchannel.shutdown();
                return true;
            }
            return false;
        });
        updatePicker();
        return Status.OK;
    }

    private Instance open(EquivalentAddressGroup eag) {
        Subchannel sc = helper.createSubchannel(CreateSubchannelArgs.newBuilder()
                .setAddresses(eag).setAttributes(Attributes.EMPTY).build());
        Instance instance = new Instance(sc, new PeakEwma(tauNanos, System::nanoTime));
        sc.start(state -> onState(instance, state));
        sc.requestConnection();
        return instance;
    }

    private void onState(Instance instance, ConnectivityStateInfo state) {
        if (!instances.containsValue(instance)) {
            return;
        }
        instance.state = state;
        if (state.getState() == ConnectivityState.IDLE) {
            instance.subchannel.requestConnection();
        }
        updatePicker();
    }

    private void updatePicker() {
        List<Instance> ready = new ArrayList<>();
        boolean connecting = false;
        Status lastError = Status.UNAVAILABLE.withDescription("no ready instance");
        for (Instance i : instances.values()) {
            ConnectivityState s = i.state.getState();
            if (s == ConnectivityState.READY) {
                ready.add(i);
            } else if (s == ConnectivityState.CONNECTING || s == ConnectivityState.IDLE) {
                connecting = true;
            } else if (s == ConnectivityState.TRANSIENT_FAILURE) {
                lastError = i.state.getStatus();
            }
        }
        if (!ready.isEmpty()) {
            helper.updateBalancingState(ConnectivityState.READY, new TwoChoices(List.copyOf(ready)));
        } else if (connecting) {
            helper.updateBalancingState(ConnectivityState.CONNECTING,
                    new FixedResultPicker(PickResult.withNoResult()));
        } else {
            helper.updateBalancingState(ConnectivityState.TRANSIENT_FAILURE,
                    new FixedResultPicker(PickResult.withError(lastError)));
        }
    }

    @Override
    public void handleNameResolutionError(Status error) {
        if (instances.isEmpty()) {
            helper.updateBalancingState(ConnectivityState.TRANSIENT_FAILURE,
                    new FixedResultPicker(PickResult.withError(error)));
        }
    }

    @Override
    public void shutdown() {
        instances.values().forEach(i -> i.subchannel.shutdown());
        instances.clear();
    }

    private static final class Instance {
        final Subchannel subchannel;
        final PeakEwma cost;
        final ClientStreamTracer.Factory tracer;
        volatile ConnectivityStateInfo state = ConnectivityStateInfo.forNonError(
                ConnectivityState.CONNECTING);

        Instance(Subchannel subchannel, PeakEwma cost) {
            this.subchannel = subchannel;
            this.cost = cost;
            this.tracer = new ClientStreamTracer.Factory() {
                @Override
                public ClientStreamTracer newClientStreamTracer(ClientStreamTracer.StreamInfo info,
                                                                Metadata headers) {
                    long started = cost.start();
                    return new ClientStreamTracer() {
                        @Override
                        public void streamClosed(Status status) {
                            cost.finish(started);
                        }
                    };
                }
            };
        }
    }

    private static final class TwoChoices extends SubchannelPicker {
        private final List<Instance> ready;

        TwoChoices(List<Instance> ready) {
            this.ready = ready;
        }

        @Override
        public PickResult pickSubchannel(PickSubchannelArgs args) {
            Instance chosen;
            if (ready.size() == 1) {
                chosen = ready.get(0);
            } else {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                int a = random.nextInt(ready.size());
                int b = random.nextInt(ready.size() - 1);
                if (b >= a) {
                    b++;
                }
                Instance x = ready.get(a);
                Instance y = ready.get(b);
                chosen = x.cost.cost() <= y.cost.cost() ? x : y;
            }
            return PickResult.withSubchannel(chosen.subchannel, chosen.tracer);
        }
    }
}
