package io.parley.gateway.ratelimit;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Positive;

/**
 * Per-user send rate, across all of the user's sockets on this gateway.
 *
 * @param sendsPerSecond sustained rate
 * @param burst          sends allowed at once after a quiet period
 */
@ConfigurationProperties("im.gateway.rate")
public record RateLimits(
        @Bindable(defaultValue = "20") @Positive double sendsPerSecond,
        @Bindable(defaultValue = "40") @Positive int burst) {
}
