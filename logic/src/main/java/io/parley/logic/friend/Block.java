package io.parley.logic.friend;

import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code blocks}: {@code userId} blocked {@code blockedId}. */
@MappedEntity("blocks")
record Block(long userId, long blockedId, Instant createdAt) {
}
