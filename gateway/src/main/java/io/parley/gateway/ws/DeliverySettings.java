package io.parley.gateway.ws;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Positive;

import java.time.Duration;

/**
 * Server-to-client acknowledgement of pushed messages.
 *
 * @param firstRetry  wait before the first redelivery; each next one waits twice as long
 * @param maxAttempts redeliveries before giving up (the client catches up from history)
 * @param maxPending  unconfirmed messages kept per socket; beyond it the oldest are dropped
 */
@ConfigurationProperties("im.gateway.delivery")
public record DeliverySettings(
        @Bindable(defaultValue = "1s") Duration firstRetry,
        @Bindable(defaultValue = "3") @Positive int maxAttempts,
        @Bindable(defaultValue = "500") @Positive int maxPending) {
}
