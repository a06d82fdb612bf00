package io.parley.platform.discovery;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/** Readiness: DOWN until this instance is registered in etcd (and again if its lease is lost). */
@Singleton
@Readiness
@Requires(beans = ServiceRegistration.class)
final class RegistrationHealth implements HealthIndicator {
    private final ServiceRegistration registration;

    RegistrationHealth(ServiceRegistration registration) {
        this.registration = registration;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        ServiceInstance entry = registration.registered();
        return Publishers.just(HealthResult.builder("etcd", registration.isRegistered()
                ? HealthStatus.UP : HealthStatus.DOWN)
                .details(entry == null ? "not started" : entry).build());
    }
}
