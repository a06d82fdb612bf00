package io.parley.gateway.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.parley.contracts.proto.UserProfile;

import static io.parley.gateway.auth.AccountView.orNull;

/** A search result: enough to show someone and send them a friend request. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record UserSummary(long userId, String displayName, @Nullable String avatarUrl) {
    static UserSummary of(UserProfile user) {
        return new UserSummary(user.getUserId(), user.getDisplayName(),
                orNull(user.getAvatarUrl()));
    }
}
