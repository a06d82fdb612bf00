package io.parley.platform.instance;

import io.micronaut.context.env.MapPropertySource;
import io.micronaut.context.env.PropertySource;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.management.endpoint.info.InfoSource;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.Map;

/** Contributes {@code instance.service/id/startedAt} to {@code /info}, read by infra/scripts/up.sh. */
@Singleton
final class InstanceInfoSource implements InfoSource {
    private final InstanceIdentity identity;

    InstanceInfoSource(InstanceIdentity identity) {
        this.identity = identity;
    }

    @Override
    public Publisher<PropertySource> getSource() {
        return Publishers.just(new MapPropertySource("instance", Map.of("instance", Map.of(
                "service", identity.service(),
                "id", identity.instanceId(),
                "startedAt", identity.startedAt().toString()))));
    }
}
