package io.parley.gateway.ratelimit;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Positive;

/**
 * HTTP request rates. Register and login are limited per client address (a guard against
 * password guessing and sign-up floods); every other API call per access token.
 */
@ConfigurationProperties("im.gateway.http-rate")
public record HttpRateLimits(
        @Bindable(defaultValue = "2") @Positive double authPerSecond,
        @Bindable(defaultValue = "10") @Positive int authBurst,
        @Bindable(defaultValue = "20") @Positive double apiPerSecond,
        @Bindable(defaultValue = "60") @Positive int apiBurst) {
}
