package io.parley.gateway.ws;

import io.micronaut.context.env.MapPropertySource;
import io.micronaut.context.env.PropertySource;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.management.endpoint.info.InfoSource;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.Map;

/**
 * {@code /info} fields of the sockets: {@code slowConsumers} (closed count, dropped count,
 * failed writes, unflushed bytes now, the limit) and {@code delivery.pushesOutOfOrder} (pushes
 * written to a socket with a lower seq than one already pushed there in the same conversation: 0 on the
 * ordered path; a replay in logic that pushes a message again also counts; the first 20 are
 * logged at INFO).
 */
@Singleton
final class SocketInfo implements InfoSource {
    private final Outbound outbound;
    private final Connections connections;

    SocketInfo(Outbound outbound, Connections connections) {
        this.outbound = outbound;
        this.connections = connections;
    }

    @Override
    public Publisher<PropertySource> getSource() {
        return Publishers.just(new MapPropertySource("sockets", Map.of(
                "slowConsumers", Map.of("closed", outbound.closedCount(),
                        "dropped", outbound.droppedCount(),
                        "failedWrites", outbound.failedCount(),
                        "pendingBytes", outbound.pendingBytes(),
                        "maxOutboundBytes", outbound.limit()),
                "delivery", Map.of("pushesOutOfOrder", connections.pushesOutOfOrder()))));
    }
}
