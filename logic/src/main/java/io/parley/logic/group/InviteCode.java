package io.parley.logic.group;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** A row of {@code group_invite_codes}. */
@Introspected
public record InviteCode(String code, long groupId, long createdBy, Instant createdAt,
                         @Nullable Instant expiresAt, @Nullable Integer maxUses, int uses,
                         @Nullable Instant revokedAt) {

    /** Not revoked, not expired at {@code now}, not used up. */
    boolean live(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now))
                && (maxUses == null || uses < maxUses);
    }
}
