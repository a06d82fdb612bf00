package io.parley.logic.friend;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** A friend as I see them, with whether they have a live connection right now. */
public record Friend(long userId, String displayName, @Nullable String avatarUrl, boolean online,
                     Instant since) {
    static Friend of(RelatedUser user, boolean online) {
        return new Friend(user.userId(), user.displayName(), user.avatarUrl(), online,
                user.since());
    }
}
