package io.parley.platform.metrics;

import io.micrometer.core.instrument.config.MeterFilter;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * Tags every meter of this process with its service name. The instance is Prometheus' own
 * {@code instance} label (the scraped address), so it is not repeated here.
 */
@Factory
final class CommonTags {

    @Singleton
    MeterFilter serviceTag(@Value("${micronaut.application.name:parley}") String service) {
        return MeterFilter.commonTags(io.micrometer.core.instrument.Tags.of("service", service));
    }
}
