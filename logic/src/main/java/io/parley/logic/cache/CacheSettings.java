package io.parley.logic.cache;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * @param secondDeleteDelay how long after a change the job service deletes the keys again; longer
 *                          than a reader takes between reading MySQL and filling the cache
 */
@ConfigurationProperties("im.logic.cache")
public record CacheSettings(@Bindable(defaultValue = "1s") Duration secondDeleteDelay) {
}
