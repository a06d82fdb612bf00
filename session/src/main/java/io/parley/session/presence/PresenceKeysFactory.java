package io.parley.session.presence;

import io.micronaut.context.annotation.Factory;
import io.parley.platform.kafka.KafkaSettings;
import jakarta.inject.Singleton;

/** Presence keys under the deployment's namespace. */
@Factory
final class PresenceKeysFactory {
    @Singleton
    PresenceKeys presenceKeys(KafkaSettings kafka) {
        return new PresenceKeys(kafka.namespace());
    }
}
