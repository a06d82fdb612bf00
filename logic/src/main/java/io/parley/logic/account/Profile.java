package io.parley.logic.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A user as the rest of the system sees them: everything but the password hash. This is what the
 * profile cache holds (as JSON), so it must never grow a secret.
 */
@Serdeable
public record Profile(long userId, String phone, String displayName, @Nullable String avatarUrl,
                      @Nullable String bio, long createdAtMs) {
    static Profile of(User user) {
        return new Profile(user.id(), user.phone(), user.displayName(), user.avatarUrl(),
                user.bio(), user.createdAt().toEpochMilli());
    }
}
