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
 */
@ConfigurationProperties("im.logic.group")
public record GroupLimits(
        @Bindable(defaultValue = "10000") @Positive int maxMembers,
        @Bindable(defaultValue = "100") @Positive int maxInvitees,
        @Bindable(defaultValue = "10m") Duration memberCacheTtl) {
}
