package io.parley.logic.friend;

import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A row of {@code friends}: one direction of a friendship. The pair (A, B) always exists with
 * (B, A); {@link FriendshipRepository} writes and deletes both in one statement.
 */
@MappedEntity("friends")
record Friendship(long userId, long friendId, Instant createdAt) {
}
