package io.parley.gateway.auth;

import io.micronaut.serde.annotation.Serdeable;
import io.parley.contracts.proto.UserProfile;

/** The signed-in user's own account: unlike a public profile, it includes the phone. */
@Serdeable
public record AccountView(long userId, String phone, String displayName) {
    public static AccountView of(UserProfile user) {
        return new AccountView(user.getUserId(), user.getPhone(), user.getDisplayName());
    }
}
