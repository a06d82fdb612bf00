package io.parley.logic.group;

import io.micronaut.core.annotation.Introspected;

import java.time.Instant;

/** A request to join an approval group, with the applicant's display name. */
@Introspected
public record Application(long id, long groupId, long userId, String displayName, String message,
                          String status, Instant createdAt) {
    public static final String REJECTED = "rejected";
    public static final int MAX_MESSAGE = 200;
}
