package io.parley.gateway.ratelimit;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Positive;

import java.time.Duration;

/**
 * Per-user send rate, across all of the user's sockets on every gateway (a bucket in Redis).
 *
 * @param sendsPerSecond sustained rate
 * @param burst          sends allowed at once after a quiet period
 * @param leaseSize      tokens a gateway takes from the shared bucket at a time
 * @param leaseTtl       how long leased tokens may be spent before they are dropped
 */
@ConfigurationProperties("im.gateway.rate")
public record RateLimits(
        @Bindable(defaultValue = "20") @Positive double sendsPerSecond,
        @Bindable(defaultValue = "40") @Positive int burst,
        @Bindable(defaultValue = "4") @Positive int leaseSize,
        @Bindable(defaultValue = "1s") Duration leaseTtl) {
}
