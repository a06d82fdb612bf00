package io.parley.logic.group;

import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import io.parley.logic.conversation.GroupConversations;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;

/**
 * The membership rows of groups and the rules read from them. Writes run inside a
 * {@link GroupChanges} change and keep three things in step: {@code group_members}, the group's
 * {@code member_count}, and the members of its conversation.
 */
@Singleton
final class Roster {
    private final MemberRepository members;
    private final ApplicationRepository applications;
    private final GroupRepository groups;
    private final GroupConversations conversations;
    private final GroupLimits limits;

    Roster(MemberRepository members, ApplicationRepository applications, GroupRepository groups,
           GroupConversations conversations, GroupLimits limits) {
        this.members = members;
        this.applications = applications;
        this.groups = groups;
        this.conversations = conversations;
        this.limits = limits;
    }

    /** The role of {@code userId}; 4102 when not a member. */
    Role roleOf(long groupId, long userId) {
        return members.findRole(groupId, userId).map(Role::of).orElseThrow(
                () -> new ParleyException(ErrorCode.NOT_GROUP_MEMBER));
    }

    /** The role of a member {@code userId} other than the caller; 4102 naming them otherwise. */
    Role roleOfOther(long groupId, long userId) {
        return members.findRole(groupId, userId).map(Role::of).orElseThrow(
                () -> new ParleyException(ErrorCode.NOT_GROUP_MEMBER,
                        "user " + userId + " is not a member of this group"));
    }

    /** The caller's role when it is owner or admin; 4102 or 4104 otherwise. */
    Role requireManager(long groupId, long userId) {
        Role role = roleOf(groupId, userId);
        if (!role.manages()) {
            throw new ParleyException(ErrorCode.NOT_GROUP_ADMIN);
        }
        return role;
    }

    /** The caller is the owner; 4102 or 4104 otherwise. */
    void requireOwner(long groupId, long userId) {
        if (roleOf(groupId, userId) != Role.OWNER) {
            throw new ParleyException(ErrorCode.NOT_GROUP_ADMIN, "only the owner may do this");
        }
    }

    /** A member with their name, as member lists show them. */
    MemberView view(long groupId, long userId) {
        return members.findView(groupId, userId).orElseThrow(
                () -> new ParleyException(ErrorCode.NOT_GROUP_MEMBER));
    }

    boolean isMember(long groupId, long userId) {
        return members.findRole(groupId, userId).isPresent();
    }

    /** Those of {@code userIds} who are members already. */
    List<Long> membersAmong(long groupId, Collection<Long> userIds) {
        return userIds.isEmpty() ? List.of() : members.membersAmong(groupId, userIds);
    }

    /** Those of {@code userIds} who have an account. */
    List<Long> existingUsers(Collection<Long> userIds) {
        return userIds.isEmpty() ? List.of() : members.existingUsers(userIds);
    }

    /**
     * Adds users who are not members yet; 4103 when the group would exceed the maximum. Their
     * pending applications, if any, are settled as approved.
     */
    void add(Change change, Collection<Long> userIds, Role role) {
        if (userIds.isEmpty()) {
            return;
        }
        if (change.group().memberCount() + userIds.size() > limits.maxMembers()) {
            throw new ParleyException(ErrorCode.GROUP_FULL, "the group is full ("
                    + limits.maxMembers() + " members at most)");
        }
        long groupId = change.groupId();
        for (long userId : userIds) {
            members.insert(groupId, userId, role.wire(), change.at());
            conversations.addMember(groupId, userId, change.at());
        }
        groups.addToMemberCount(groupId, userIds.size());
        change.moves().joined.addAll(userIds);
        applications.settleFor(groupId, userIds, change.at(), change.actorId());
    }

    void remove(Change change, long userId) {
        if (members.delete(change.groupId(), userId) == 1) {
            conversations.removeMember(change.groupId(), userId);
            groups.addToMemberCount(change.groupId(), -1);
            change.moves().left.add(userId);
        }
    }

    void setRole(Change change, long userId, Role role) {
        members.setRole(change.groupId(), userId, role.wire());
    }

    /** Makes {@code newOwner} the owner and the old owner an admin. */
    void transferOwnership(Change change, long newOwner) {
        members.setRole(change.groupId(), change.group().ownerId(), Role.ADMIN.wire());
        members.setRole(change.groupId(), newOwner, Role.OWNER.wire());
        groups.setOwner(change.groupId(), newOwner);
    }

    /** A new group's conversation, before its first member. */
    void open(Change change) {
        conversations.create(change.groupId(), change.at());
    }

    /** Everyone leaves and pending applications are rejected: the group is being dissolved. */
    void disband(Change change) {
        members.deleteAll(change.groupId());
        change.moves().closed = true;
        conversations.removeAllMembers(change.groupId());
        applications.rejectAll(change.groupId(), change.at(), change.actorId());
    }
}
