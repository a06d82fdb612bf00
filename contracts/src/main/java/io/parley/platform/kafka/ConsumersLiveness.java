package io.parley.platform.kafka;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Liveness: DOWN while some consumer loop is down after an unexpected error (restarting). */
@Singleton
@Liveness
@Requires(beans = ConsumerStatus.class)
final class ConsumersLiveness implements HealthIndicator {
    private final List<ConsumerStatus> consumers;

    ConsumersLiveness(List<ConsumerStatus> consumers) {
        this.consumers = consumers;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, Boolean> running = new TreeMap<>();
        consumers.forEach(c -> running.put(c.consumerName(), c.isLive()));
        boolean up = running.values().stream().allMatch(Boolean::booleanValue);
        return Publishers.just(HealthResult.builder("consumer-loops", up ? HealthStatus.UP
                : HealthStatus.DOWN).details(running).build());
    }
}
