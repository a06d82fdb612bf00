package io.parley.logic.cache;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Pattern;

import java.time.Duration;

/**
 * Redis caching in logic.
 *
 * @param namespace         first segment of every cache key ({@code <ns>:user:<id>:profile}), so
 *                          two systems (or test runs on other databases) sharing one Redis never
 *                          read each other's rows
 * @param secondDeleteDelay how long after an update the cache key is deleted again; longer than a
 *                          read that started before the update takes to put its value back
 * @param profileTtl        a cached profile's lifetime: the bound on staleness should both
 *                          deletes be lost
 */
@ConfigurationProperties("im.logic.cache")
public record CacheSettings(
        @Bindable(defaultValue = "im") @Pattern(regexp = "[A-Za-z0-9._-]{1,60}") String namespace,
        @Bindable(defaultValue = "1s") Duration secondDeleteDelay,
        @Bindable(defaultValue = "30m") Duration profileTtl) {

    /** {@code <namespace>:<parts joined by ':'>}. */
    public String key(Object... parts) {
        StringBuilder key = new StringBuilder(namespace);
        for (Object part : parts) {
            key.append(':').append(part);
        }
        return key.toString();
    }
}
