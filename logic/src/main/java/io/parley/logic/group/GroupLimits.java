package io.parley.logic.group;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Positive;

import java.time.Duration;

/**
 * Group rules.
 *
 * @param maxMembers       members a group may have, its owner included
 * @param maxInvitees      user ids one invitation may name
 * @param memberCacheTtl   lifetime of a cached member list (changes evict it long before)
 * @param maxInviteCodes   live invite codes a group may have at once
 * @param inviteCodeMaxTtl the longest expiry an invite code may be given
 * @param inviteCodeMaxUses the most uses an invite code may be given
 */
@ConfigurationProperties("im.logic.group")
public record GroupLimits(
        @Bindable(defaultValue = "10000") @Positive int maxMembers,
        @Bindable(defaultValue = "100") @Positive int maxInvitees,
        @Bindable(defaultValue = "10m") Duration memberCacheTtl,
        @Bindable(defaultValue = "20") @Positive int maxInviteCodes,
        @Bindable(defaultValue = "30d") Duration inviteCodeMaxTtl,
        @Bindable(defaultValue = "100000") @Positive int inviteCodeMaxUses) {
    public GroupLimits {
        if (inviteCodeMaxTtl == null || inviteCodeMaxTtl.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("im.logic.group.invite-code-max-ttl must be at"
                    + " least 1m");
        }
    }
}
