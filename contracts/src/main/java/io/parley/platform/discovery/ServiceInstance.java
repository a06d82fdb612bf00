package io.parley.platform.discovery;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One registry entry, stored as JSON under {@code <namespace>/services/<service>/<instanceId>}.
 * {@code grpcPort} is 0 for services that serve no gRPC. {@code load} is what the instance's
 * {@link InstanceLoad} reported last (a gateway: its open sockets), 0 where none is reported.
 */
@Serdeable
public record ServiceInstance(String service, String instanceId, String host, int httpPort,
                              int grpcPort, String startedAt, int load) {

    public ServiceInstance(String service, String instanceId, String host, int httpPort,
                           int grpcPort, String startedAt) {
        this(service, instanceId, host, httpPort, grpcPort, startedAt, 0);
    }

    ServiceInstance withLoad(int newLoad) {
        return new ServiceInstance(service, instanceId, host, httpPort, grpcPort, startedAt, newLoad);
    }
}
