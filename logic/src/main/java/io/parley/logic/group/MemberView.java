package io.parley.logic.group;

import io.micronaut.core.annotation.Introspected;

import java.time.Instant;

/** A member as a member list shows it: with the display name from {@code users}. */
@Introspected
public record MemberView(long userId, String displayName, String role, Instant joinedAt) {
}
