package io.parley.logic.inbox;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Positive;

/**
 * Where write diffusion ends.
 *
 * @param largeThreshold a group with more members than this is large: its messages are stored
 *                       once (read diffusion) and its members keep cursors instead of inbox rows
 */
@ConfigurationProperties("im.logic.group")
public record DiffusionSettings(@Bindable(defaultValue = "500") @Positive int largeThreshold) {
}
