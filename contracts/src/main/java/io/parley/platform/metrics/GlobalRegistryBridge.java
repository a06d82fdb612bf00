package io.parley.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;

/**
 * Adds this service's registry to Micrometer's global one at startup, so meters bound outside
 * the bean context ({@link KafkaClientMeters}) reach {@code /prometheus}.
 */
@Context
final class GlobalRegistryBridge {
    private final MeterRegistry registry;

    GlobalRegistryBridge(MeterRegistry registry) {
        this.registry = registry;
        Metrics.addRegistry(registry);
    }

    @PreDestroy
    void remove() {
        Metrics.removeRegistry(registry);
    }
}
