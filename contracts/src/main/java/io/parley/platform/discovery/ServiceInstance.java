package io.parley.platform.discovery;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One registry entry, stored as JSON under {@code <namespace>/services/<service>/<instanceId>}.
 * {@code grpcPort} is 0 for services that serve no gRPC.
 */
@Serdeable
public record ServiceInstance(String service, String instanceId, String host, int httpPort,
                              int grpcPort, String startedAt) {
}
