package io.parley.gateway.api;

import io.micronaut.serde.annotation.Serdeable;
import io.parley.contracts.proto.UserProfile;

/** What any signed-in user may see of another: no phone, nothing private. */
@Serdeable
record PublicProfile(long userId, String displayName) {
    static PublicProfile of(UserProfile user) {
        return new PublicProfile(user.getUserId(), user.getDisplayName());
    }
}
