package io.parley.gateway.ws;

import io.micronaut.context.env.MapPropertySource;
import io.micronaut.context.env.PropertySource;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.management.endpoint.info.InfoSource;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.Map;

/**
 * {@code /info} field {@code delivery.pushesOutOfOrder}: pushes this gateway wrote to a socket
 * with a lower seq than one it had already pushed there in the same conversation. The ordered
 * path keeps it at 0 (a replay in logic that pushes a message again also counts); the first 20
 * are logged at INFO with the conversation and both seqs.
 */
@Singleton
final class DeliveryInfo implements InfoSource {
    private final Connections connections;

    DeliveryInfo(Connections connections) {
        this.connections = connections;
    }

    @Override
    public Publisher<PropertySource> getSource() {
        return Publishers.just(new MapPropertySource("delivery", Map.of("delivery",
                Map.of("pushesOutOfOrder", connections.pushesOutOfOrder()))));
    }
}
