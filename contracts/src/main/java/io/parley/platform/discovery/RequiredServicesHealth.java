package io.parley.platform.discovery;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Readiness: DOWN until every service this one calls ({@code im.discovery.required}) has at least
 * one instance registered in etcd.
 */
@Singleton
@Readiness
@Requires(property = "im.discovery.required")
final class RequiredServicesHealth implements HealthIndicator {
    private final ServiceDirectory directory;
    private final List<String> required;

    RequiredServicesHealth(ServiceDirectory directory,
                           @Value("${im.discovery.required}") List<String> required) {
        this.directory = directory;
        this.required = required;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        required.forEach(s -> counts.put(s, directory.instances(s).size()));
        boolean up = counts.values().stream().allMatch(n -> n > 0);
        return Publishers.just(HealthResult.builder("discovery", up ? HealthStatus.UP
                : HealthStatus.DOWN).details(counts).build());
    }
}
