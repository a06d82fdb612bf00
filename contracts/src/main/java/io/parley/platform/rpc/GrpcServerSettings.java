package io.parley.platform.rpc;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.PositiveOrZero;

import java.time.Duration;

/**
 * The gRPC server of a service that serves calls (logic, session).
 *
 * @param port          listening port; 0 picks a free one (tests)
 * @param shutdownGrace how long in-flight calls may finish on shutdown
 */
@ConfigurationProperties("im.grpc")
public record GrpcServerSettings(
        @PositiveOrZero int port,
        @Bindable(defaultValue = "10s") Duration shutdownGrace) {
}
