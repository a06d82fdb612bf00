package io.parley.logic.conversation;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * @param rowsPerUpdate rows one multi-row {@code UPDATE} of a batch's seq counters or senders'
 *                      read cursors names (a derived table of that many rows); a longer list
 *                      is split, in key order.
 */
@ConfigurationProperties("im.logic.conversation")
public record BatchUpdateLimits(
        @Bindable(defaultValue = "100") @Min(1) @Max(1000) int rowsPerUpdate) {

    public BatchUpdateLimits {
        if (rowsPerUpdate < 1 || rowsPerUpdate > 1000) {
            throw new IllegalArgumentException("rows-per-update must be 1..1000: " + rowsPerUpdate);
        }
    }
}
