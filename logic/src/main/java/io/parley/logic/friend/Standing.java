package io.parley.logic.friend;

import io.micronaut.core.annotation.Introspected;

/**
 * What decides whether a direct message may go from one user to another, read at once: matching
 * rows in {@code users}, {@code blocks} (either way) and {@code friends}.
 */
@Introspected
record Standing(long recipients, long blocks, long friendships) {
    boolean recipientExists() {
        return recipients > 0;
    }

    boolean blocked() {
        return blocks > 0;
    }

    boolean friends() {
        return friendships > 0;
    }
}
