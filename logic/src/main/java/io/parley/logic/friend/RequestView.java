package io.parley.logic.friend;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** A pending request in a list, with the name and avatar of the user on the other side. */
@Introspected
public record RequestView(long id, long fromUser, long toUser, String greeting, String status,
                          Instant createdAt, String otherName, @Nullable String otherAvatarUrl) {
}
