package io.parley.logic.page;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import jakarta.validation.constraints.Positive;

/** Page sizes of list endpoints. */
@ConfigurationProperties("im.logic.page")
public record PageLimits(
        @Bindable(defaultValue = "20") @Positive int defaultSize,
        @Bindable(defaultValue = "50") @Positive int maxSize) {

    /**
     * The page size for a request that asked for {@code requested} items (0: the default);
     * {@link ErrorCode#PAGE_TOO_LARGE} over the maximum.
     */
    public int size(int requested) {
        if (requested == 0) {
            return Math.min(defaultSize, maxSize);
        }
        if (requested < 0) {
            throw new ParleyException(ErrorCode.VALIDATION_FAILED, "limit must be positive");
        }
        if (requested > maxSize) {
            throw new ParleyException(ErrorCode.PAGE_TOO_LARGE, "limit is at most " + maxSize);
        }
        return requested;
    }
}
