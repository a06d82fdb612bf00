package io.parley.platform.discovery;

import io.grpc.ManagedChannel;
import io.grpc.NameResolver;
import io.grpc.netty.NettyChannelBuilder;
import io.parley.platform.tracing.TraceInterceptors;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One gRPC channel per target service, resolved through etcd and balanced across its instances by
 * power of two choices on peak-EWMA latency ({@link PeakEwmaBalancer}). No service address is
 * configured anywhere: only etcd's.
 */
@Singleton
public final class ServiceChannels {
    static final String SCHEME = "etcd";

    private final ServiceDirectory directory;
    private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();

    ServiceChannels(ServiceDirectory directory) {
        this.directory = directory;
        PeakEwmaBalancerProvider.register();
    }

    public ManagedChannel channel(String service) {
        return channels.computeIfAbsent(service, this::open);
    }

    @SuppressWarnings("deprecation") // a per-channel factory keeps the resolver off global state
    private ManagedChannel open(String service) {
        return NettyChannelBuilder.forTarget(SCHEME + ":///" + service)
                .nameResolverFactory(new Factory())
                .defaultLoadBalancingPolicy(PeakEwmaBalancerProvider.POLICY)
                .usePlaintext()
                .intercept(TraceInterceptors.client())
                .build();
    }

    @PreDestroy
    void close() throws InterruptedException {
        channels.values().forEach(ManagedChannel::shutdown);
        for (ManagedChannel c : channels.values()) {
            if (!c.awaitTermination(3, TimeUnit.SECONDS)) {
                c.shutdownNow();
            }
        }
    }

    private final class Factory extends NameResolver.Factory {
        @Override
        public NameResolver newNameResolver(URI target, NameResolver.Args args) {
            if (!SCHEME.equals(target.getScheme())) {
                return null;
            }
            return new EtcdNameResolver(target.getPath().substring(1), directory);
        }

        @Override
        public String getDefaultScheme() {
            return SCHEME;
        }
    }
}
