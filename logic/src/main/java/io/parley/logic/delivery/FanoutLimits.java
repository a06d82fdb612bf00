package io.parley.logic.delivery;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Positive;

/**
 * Sizes of the fan-out's batches, so a large group costs several bounded calls and records
 * instead of one unbounded one.
 *
 * @param locateBatchSize    users asked of session in one call
 * @param connectionsPerPush connection ids named in one push record (keeps records far below
 *                           Kafka's 1 MB default)
 */
@ConfigurationProperties("im.logic.delivery")
public record FanoutLimits(
        @Bindable(defaultValue = "500") @Positive int locateBatchSize,
        @Bindable(defaultValue = "1000") @Positive int connectionsPerPush) {
}
