package io.parley.logic.group;

import io.micronaut.core.annotation.Nullable;
import io.parley.logic.ids.SnowflakeIds;
import jakarta.inject.Singleton;

import java.util.List;

/** A group's life: created with its owner and conversation, edited, dissolved. */
@Singleton
public final class Groups {
    private final GroupChanges changes;
    private final Roster roster;
    private final GroupRepository groups;
    private final SnowflakeIds ids;

    Groups(GroupChanges changes, Roster roster, GroupRepository groups, SnowflakeIds ids) {
        this.changes = changes;
        this.roster = roster;
        this.groups = groups;
        this.ids = ids;
    }

    /** A new group owned by {@code ownerId}, its only member, with its conversation. */
    public GroupView create(long ownerId, GroupProfile profile) {
        Group blank = new Group(ids.next(), profile.name(), profile.avatarUrl(), profile.notice(),
                profile.joinPolicy().wire(), ownerId, 0, null, changes.now());
        return changes.create(blank, change -> {
            roster.open(change);
            roster.add(change, List.of(ownerId), Role.OWNER);
            return new GroupView(groups.findLive(blank.id()).orElseThrow(), Role.OWNER);
        });
    }

    /**
     * Changes the fields given (null: unchanged; an empty avatar or notice clears it). Owner or
     * admin only.
     */
    public GroupView update(long actorId, long groupId, @Nullable String name,
                            @Nullable String avatarUrl, @Nullable String notice,
                            @Nullable String joinPolicy) {
        return changes.apply(groupId, actorId, change -> {
            Role role = roster.requireManager(groupId, actorId);
            GroupProfile now = change.group().profile();
            GroupProfile next = new GroupProfile(name == null ? now.name() : name,
                    avatarUrl == null ? now.avatarUrl() : avatarUrl,
                    notice == null ? now.notice() : notice,
                    joinPolicy == null ? now.joinPolicy() : JoinPolicy.of(joinPolicy));
            groups.updateProfile(groupId, next.name(), next.avatarUrl(), next.notice(),
                    next.joinPolicy().wire());
            return new GroupView(change.group().with(next), role);
        });
    }

    /** Owner only: every member leaves, pending applications are rejected, the group is gone. */
    public void dissolve(long actorId, long groupId) {
        changes.apply(groupId, actorId, change -> {
            roster.requireOwner(groupId, actorId);
            roster.disband(change);
            groups.dissolve(groupId, change.at());
            return null;
        });
    }
}
