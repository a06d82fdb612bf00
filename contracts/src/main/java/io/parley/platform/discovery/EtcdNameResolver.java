package io.parley.platform.discovery;

import io.grpc.EquivalentAddressGroup;
import io.grpc.NameResolver;
import io.grpc.Status;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.Consumer;

/**
 * Resolves {@code etcd:///<service>} to the gRPC addresses of every registered instance of that
 * service, and re-resolves on every registry change. The channel's round_robin policy then
 * balances calls across them.
 */
final class EtcdNameResolver extends NameResolver {
    private final String service;
    private final ServiceDirectory directory;
    private Listener2 listener;
    private final Consumer<List<ServiceInstance>> onChange = this::publish;

    EtcdNameResolver(String service, ServiceDirectory directory) {
        this.service = service;
        this.directory = directory;
    }

    @Override
    public String getServiceAuthority() {
        return service;
    }

    @Override
    public void start(Listener2 listener) {
        this.listener = listener;
        directory.subscribe(service, onChange);
    }

    @Override
    public void refresh() {
        publish(directory.instances(service));
    }

    private void publish(List<ServiceInstance> instances) {
        Listener2 l = listener;
        if (l == null) {
            return;
        }
        List<EquivalentAddressGroup> addresses = instances.stream()
                .filter(i -> i.grpcPort() > 0)
                .map(i -> new EquivalentAddressGroup(new InetSocketAddress(i.host(), i.grpcPort())))
                .toList();
        if (addresses.isEmpty()) {
            l.onError(Status.UNAVAILABLE.withDescription("no instance of " + service
                    + " is registered in etcd"));
        } else {
            l.onResult(ResolutionResult.newBuilder().setAddresses(addresses).build());
        }
    }

    @Override
    public void shutdown() {
        directory.unsubscribe(service, onChange);
        listener = null;
    }
}
