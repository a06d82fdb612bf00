package io.parley.logic.conversation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code conversations}; {@code lastSeq} is the seq of its newest message. */
@MappedEntity("conversations")
public record Conversation(@Id String id, int kind, long lastSeq,
                           @Nullable Instant lastMessageAt, Instant createdAt) {
    public static final int DIRECT = 1;
    public static final int GROUP = 2;
}
