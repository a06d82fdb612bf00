package io.parley.platform.kafka;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.time.Duration;

/** Readiness of a service that uses Kafka (one that sets the bootstrap servers): DOWN while the
 * broker does not answer. */
@Singleton
@Readiness
@Requires(property = "im.kafka.bootstrap-servers")
final class KafkaHealth implements HealthIndicator {
    private final TopicProvisioner admin;

    KafkaHealth(TopicProvisioner admin) {
        this.admin = admin;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        boolean up = admin.brokerReachable(Duration.ofSeconds(2));
        return Publishers.just(HealthResult.builder("kafka", up ? HealthStatus.UP
                : HealthStatus.DOWN).build());
    }
}
