package io.parley.gateway.ws;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import java.time.Duration;

/**
 * Server-to-client acknowledgement of pushed messages.
 *
 * @param firstRetry  wait before the first redelivery; each next one waits twice as long
 * @param maxAttempts redeliveries before giving up (the client catches up from history)
 * @param maxPending  unconfirmed messages kept per socket; beyond it the oldest are dropped
 * @param remembered  confirmed message ids remembered per socket, so that the same message pushed
 *                    again (a sender's retry that logic de-duplicated, a batch replayed after a
 *                    crash) is not written to a socket that already holds it (0: never)
 */
@ConfigurationProperties("im.gateway.delivery")
public record DeliverySettings(
        @Bindable(defaultValue = "1s") Duration firstRetry,
        @Bindable(defaultValue = "3") @Positive int maxAttempts,
        @Bindable(defaultValue = "500") @Positive int maxPending,
        @Bindable(defaultValue = "64") @PositiveOrZero int remembered) {
}
