package io.parley.logic.friend;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** Someone in one of my lists (a friend, a blocked user) and since when. */
@Introspected
public record RelatedUser(long userId, String displayName, @Nullable String avatarUrl,
                          Instant since) {
}
