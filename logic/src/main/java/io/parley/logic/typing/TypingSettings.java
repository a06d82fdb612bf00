package io.parley.logic.typing;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Positive;

/**
 * @param maxGroupMembers groups with more members relay no typing at all: "someone is typing"
 *                        among hundreds says nothing and would cost a presence look-up of every
 *                        member per keystroke pause
 */
@ConfigurationProperties("im.logic.typing")
public record TypingSettings(@Bindable(defaultValue = "50") @Positive int maxGroupMembers) {
    public TypingSettings {
        if (maxGroupMembers <= 0) {
            throw new IllegalArgumentException("im.logic.typing.max-group-members must be positive");
        }
    }
}
