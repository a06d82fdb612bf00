package io.parley.platform.config;

import io.micronaut.context.env.MapPropertySource;
import io.micronaut.context.env.PropertySource;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.management.endpoint.info.InfoSource;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.Map;

/** Adds {@code liveConfig: {prefix, values: {property: value now}}} to {@code /info}. */
@Singleton
final class LiveConfigInfoSource implements InfoSource {
    private final LiveConfig config;

    LiveConfigInfoSource(LiveConfig config) {
        this.config = config;
    }

    @Override
    public Publisher<PropertySource> getSource() {
        return Publishers.just(new MapPropertySource("liveConfig", Map.of("liveConfig", Map.of(
                "prefix", config.prefix(), "values", config.snapshot()))));
    }
}
