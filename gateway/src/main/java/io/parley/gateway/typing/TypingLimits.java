package io.parley.gateway.typing;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Positive;

/**
 * How often a user's {@code typing} frames are relayed, per gateway (a local bucket per user:
 * an indicator lost to the rate costs nothing, so it is not worth a Redis round trip). A client
 * sends one every 3 s while typing, so the defaults leave room for a few conversations at once.
 *
 * @param perSecond sustained typing frames relayed per user
 * @param burst     typing frames relayed at once after a quiet period
 */
@ConfigurationProperties("im.gateway.typing")
public record TypingLimits(
        @Bindable(defaultValue = "1") @Positive double perSecond,
        @Bindable(defaultValue = "5") @Positive int burst) {
    public TypingLimits {
        if (!(perSecond > 0) || burst <= 0) {
            throw new IllegalArgumentException("im.gateway.typing: per-second and burst must be"
                    + " positive");
        }
    }
}
