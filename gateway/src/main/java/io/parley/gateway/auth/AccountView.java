package io.parley.gateway.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.parley.contracts.proto.UserProfile;

/**
 * The signed-in user's own account: unlike a public profile, it includes the phone. Absent
 * optional fields are written as null, so clients see every field.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AccountView(long userId, String phone, String displayName,
                          @Nullable String avatarUrl, @Nullable String bio) {
    public static AccountView of(UserProfile user) {
        return new AccountView(user.getUserId(), user.getPhone(), user.getDisplayName(),
                orNull(user.getAvatarUrl()), orNull(user.getBio()));
    }

    /** Protobuf's "not set" (empty) as JSON's null. */
    public static @Nullable String orNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
