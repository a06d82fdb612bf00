package io.parley.logic.page;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import jakarta.validation.constraints.Positive;

/**
 * Page sizes of every list.
 *
 * @param defaultSize rows of a page when the client names no limit
 * @param maxSize     the most rows a client may ask for; more is refused (1007), not capped, so a
 *                    client never silently gets less than it asked for
 */
@ConfigurationProperties("im.logic.page")
public record PageLimits(@Bindable(defaultValue = "20") @Positive int defaultSize,
                         @Bindable(defaultValue = "50") @Positive int maxSize) {

    /** The page size for a requested limit; 0 means "the default". */
    public int size(int requested) {
        if (requested < 0) {
            throw new ParleyException(ErrorCode.VALIDATION_FAILED, "limit must be positive");
        }
        if (requested > maxSize) {
            throw new ParleyException(ErrorCode.PAGE_TOO_LARGE, "limit is at most " + maxSize);
        }
        return requested == 0 ? Math.min(defaultSize, maxSize) : requested;
    }
}
