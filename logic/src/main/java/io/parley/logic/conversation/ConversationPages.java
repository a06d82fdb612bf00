package io.parley.logic.conversation;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import jakarta.validation.constraints.Positive;

/**
 * Page sizes of conversation lists and history.
 *
 * @param defaultSize used when a request names none
 * @param maxSize     larger requests are refused (PAGE_TOO_LARGE), never silently cut
 */
@ConfigurationProperties("im.logic.page")
public record ConversationPages(
        @Bindable(defaultValue = "20") @Positive int defaultSize,
        @Bindable(defaultValue = "100") @Positive int maxSize) {

    public int sizeOf(int requested) {
        if (requested < 0) {
            throw new ParleyException(ErrorCode.VALIDATION_FAILED, "limit must be positive");
        }
        if (requested > maxSize) {
            throw new ParleyException(ErrorCode.PAGE_TOO_LARGE, "limit is at most " + maxSize);
        }
        return requested == 0 ? defaultSize : requested;
    }
}
