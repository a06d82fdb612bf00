package io.parley.platform.rpc;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.MapPropertySource;
import io.micronaut.context.env.PropertySource;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.management.endpoint.info.InfoSource;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.Map;

/** Adds {@code grpc.port} and {@code grpc.callsServed} to {@code /info}. */
@Singleton
@Requires(beans = GrpcServer.class)
final class GrpcInfoSource implements InfoSource {
    private final GrpcServer server;

    GrpcInfoSource(GrpcServer server) {
        this.server = server;
    }

    @Override
    public Publisher<PropertySource> getSource() {
        return Publishers.just(new MapPropertySource("grpc", Map.of("grpc", Map.of(
                "port", server.port(), "callsServed", server.callsServed()))));
    }
}
