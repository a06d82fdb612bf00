package io.parley.logic.inbox;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Where write diffusion ends.
 *
 * @param largeThreshold a group with more members than this is large: its messages are stored
 *                       once (read diffusion) and its members keep cursors instead of inbox rows;
 *                       1..{@value #MAX_THRESHOLD}, in the files and live alike
 */
@ConfigurationProperties("im.logic.group")
public record DiffusionSettings(@Bindable(defaultValue = "500") int largeThreshold) {
    static final int MAX_THRESHOLD = 1_000_000;

    public DiffusionSettings {
        if (largeThreshold < 1 || largeThreshold > MAX_THRESHOLD) {
            throw new IllegalArgumentException("im.logic.group.large-threshold must be within 1.."
                    + MAX_THRESHOLD + ", was " + largeThreshold);
        }
    }
}
