package io.parley.platform.instance;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Who this process is: its service name, a unique instance id and when it started. The id names
 * the instance in etcd, in logs and in {@code /info}; set {@code im.instance.id} to pin it.
 */
@Singleton
public final class InstanceIdentity {
    private final String service;
    private final String instanceId;
    private final Instant startedAt;

    InstanceIdentity(@Value("${micronaut.application.name}") String service,
                     @Nullable @Value("${im.instance.id:}") String instanceId,
                     Clock clock) {
        this.service = service;
        this.instanceId = instanceId == null || instanceId.isBlank()
                ? service + "-" + UUID.randomUUID().toString().substring(0, 8)
                : instanceId;
        this.startedAt = clock.instant();
    }

    public String service() {
        return service;
    }

    public String instanceId() {
        return instanceId;
    }

    public Instant startedAt() {
        return startedAt;
    }
}
