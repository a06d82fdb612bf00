package io.parley.gateway.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.parley.contracts.proto.UserProfile;

import static io.parley.gateway.auth.AccountView.orNull;

/** What any signed-in user may see of another: no phone, nothing private. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record PublicProfile(long userId, String displayName, @Nullable String avatarUrl,
                     @Nullable String bio) {
    static PublicProfile of(UserProfile user) {
        return new PublicProfile(user.getUserId(), user.getDisplayName(),
                orNull(user.getAvatarUrl()), orNull(user.getBio()));
    }
}
