package io.parley.logic.friend;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;

import java.time.Instant;
import java.util.Set;

/**
 * A row of {@code friend_requests}. Its {@code pending_pair} column (generated, not mapped) keeps
 * one pending request per ordered pair; decided requests stay as history.
 */
@MappedEntity("friend_requests")
public record FriendRequest(@Id @GeneratedValue @Nullable Long id,
                            long fromUser,
                            long toUser,
                            String greeting,
                            String status,
                            Instant createdAt,
                            Instant updatedAt) {
    public static final String PENDING = "pending";
    public static final String ACCEPTED = "accepted";
    public static final String REJECTED = "rejected";
    public static final int MAX_GREETING = 100;

    public FriendRequest {
        if (!Set.of(PENDING, ACCEPTED, REJECTED).contains(status)) {
            throw new IllegalArgumentException("unknown status " + status);
        }
        greeting = greeting == null ? "" : greeting.strip();
        if (greeting.codePointCount(0, greeting.length()) > MAX_GREETING) {
            throw new ParleyException(ErrorCode.VALIDATION_FAILED,
                    "greeting is at most " + MAX_GREETING + " characters");
        }
    }

    static FriendRequest pending(long from, long to, String greeting, Instant at) {
        return new FriendRequest(null, from, to, greeting, PENDING, at, at);
    }

    FriendRequest decided(String newStatus, Instant at) {
        return new FriendRequest(id, fromUser, toUser, greeting, newStatus, createdAt, at);
    }

    boolean isPendingFor(long recipient) {
        return PENDING.equals(status) && toUser == recipient;
    }
}
