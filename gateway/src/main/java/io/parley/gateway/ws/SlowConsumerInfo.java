package io.parley.gateway.ws;

import io.micronaut.context.env.MapPropertySource;
import io.micronaut.context.env.PropertySource;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.management.endpoint.info.InfoSource;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.Map;

/** {@code /info} field {@code slowConsumers}: closed count, unflushed bytes now, the limit. */
@Singleton
final class SlowConsumerInfo implements InfoSource {
    private final Outbound outbound;

    SlowConsumerInfo(Outbound outbound) {
        this.outbound = outbound;
    }

    @Override
    public Publisher<PropertySource> getSource() {
        return Publishers.just(new MapPropertySource("slowConsumers", Map.of("slowConsumers",
                Map.of("closed", outbound.closedCount(), "failedWrites", outbound.failedCount(),
                        "pendingBytes", outbound.pendingBytes(),
                        "maxOutboundBytes", outbound.limit()))));
    }
}
