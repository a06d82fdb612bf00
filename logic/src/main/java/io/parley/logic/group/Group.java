package io.parley.logic.group;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A row of {@code groups}. {@code memberCount} equals the group's {@code group_members} rows;
 * a dissolved group has {@code dissolvedAt} set and no members.
 */
@MappedEntity("groups")
public record Group(@Id long id,
                    String name,
                    String avatarUrl,
                    String notice,
                    String joinPolicy,
                    long ownerId,
                    int memberCount,
                    @Nullable Instant dissolvedAt,
                    Instant createdAt) {

    public JoinPolicy policy() {
        return JoinPolicy.of(joinPolicy);
    }

    Group with(GroupProfile profile) {
        return new Group(id, profile.name(), profile.avatarUrl(), profile.notice(),
                profile.joinPolicy().wire(), ownerId, memberCount, dissolvedAt, createdAt);
    }

    Group withOwner(long newOwner) {
        return new Group(id, name, avatarUrl, notice, joinPolicy, newOwner, memberCount,
                dissolvedAt, createdAt);
    }

    GroupProfile profile() {
        return new GroupProfile(name, avatarUrl, notice, policy());
    }
}
