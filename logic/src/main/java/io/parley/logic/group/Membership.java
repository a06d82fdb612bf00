package io.parley.logic.group;

import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who is in a group and with which role: join, invite, leave, kick, promote or demote, transfer
 * ownership. Each is one {@link GroupChanges} change, so its checks and its writes see the group as
 * no concurrent change can alter it; input is validated before the lock is taken.
 */
@Singleton
public final class Membership {
    private final GroupChanges changes;
    private final Roster roster;
    private final Applications applications;
    private final GroupLimits limits;

    Membership(GroupChanges changes, Roster roster, Applications applications,
               GroupLimits limits) {
        this.changes = changes;
        this.roster = roster;
        this.applications = applications;
        this.limits = limits;
    }

    /** Open: joined. Approval: a pending application. Invite only: 4106. Members: 4105. */
    public JoinResult join(long actorId, long groupId, String message) {
        String note = message == null ? "" : message.strip();
        if (note.codePointCount(0, note.length()) > Application.MAX_MESSAGE) {
            throw invalid("message is at most " + Application.MAX_MESSAGE + " characters");
        }
        return changes.apply(groupId, actorId, change -> {
            if (roster.isMember(groupId, actorId)) {
                throw new ParleyException(ErrorCode.ALREADY_GROUP_MEMBER);
            }
            return switch (change.group().policy()) {
                case OPEN -> {
                    roster.add(change, List.of(actorId), Role.MEMBER);
                    yield JoinResult.joined();
                }
                case APPROVAL -> JoinResult.pending(applications.file(change, note));
                case INVITE -> throw new ParleyException(ErrorCode.GROUP_JOIN_NOT_ALLOWED);
            };
        });
    }

    /**
     * Adds the users who are not members yet and returns them. Any member may invite to an open
     * group, only the owner or an admin to the others. All or nothing: an unknown user (3002) or
     * too many members (4103) adds nobody.
     */
    public List<Long> invite(long actorId, long groupId, Collection<Long> userIds) {
        if (userIds.isEmpty() || userIds.size() > limits.maxInvitees()) {
            throw invalid("userIds must name 1-" + limits.maxInvitees() + " users");
        }
        Set<Long> invited = new LinkedHashSet<>(userIds);
        if (invited.stream().anyMatch(id -> id <= 0)) {
            throw invalid("userIds must be user ids");
        }
        return changes.apply(groupId, actorId, change -> {
            Role role = roster.roleOf(groupId, actorId);
            if (change.group().policy() != JoinPolicy.OPEN && !role.manages()) {
                throw new ParleyException(ErrorCode.NOT_GROUP_ADMIN,
                        "only the owner or an admin may invite to this group");
            }
            Set<Long> unknown = new LinkedHashSet<>(invited);
            roster.existingUsers(invited).forEach(unknown::remove);
            if (!unknown.isEmpty()) {
                throw new ParleyException(ErrorCode.USER_NOT_FOUND, "no such user: " + unknown);
            }
            List<Long> added = new ArrayList<>(invited);
            added.removeAll(roster.membersAmong(groupId, invited));
            roster.add(change, added, Role.MEMBER);
            return added;
        });
    }

    /** Anyone but the owner, who must transfer ownership first (4107). */
    public void leave(long actorId, long groupId) {
        changes.apply(groupId, actorId, change -> {
            if (roster.roleOf(groupId, actorId) == Role.OWNER) {
                throw new ParleyException(ErrorCode.OWNER_MUST_TRANSFER);
            }
            roster.remove(change, actorId);
            return null;
        });
    }

    /** The owner removes anyone, an admin removes plain members; 4104 otherwise. */
    public void kick(long actorId, long groupId, long userId) {
        if (userId == actorId) {
            throw invalid("to leave a group, use leave");
        }
        changes.apply(groupId, actorId, change -> {
            Role mine = roster.requireManager(groupId, actorId);
            Role theirs = roster.roleOfOther(groupId, userId);
            if (theirs == Role.OWNER || mine == Role.ADMIN && theirs == Role.ADMIN) {
                throw new ParleyException(ErrorCode.NOT_GROUP_ADMIN,
                        "an admin may remove plain members only");
            }
            roster.remove(change, userId);
            return null;
        });
    }

    /** Owner only: makes a member an admin or an admin a plain member. */
    public MemberView setRole(long actorId, long groupId, long userId, String role) {
        Role wanted = Role.of(role);
        if (wanted == Role.OWNER) {
            throw invalid("to make someone the owner, transfer ownership");
        }
        return changes.apply(groupId, actorId, change -> {
            roster.requireOwner(groupId, actorId);
            if (userId == actorId) {
                throw invalid("the owner's role changes only by a transfer");
            }
            roster.roleOfOther(groupId, userId);
            roster.setRole(change, userId, wanted);
            return roster.view(groupId, userId);
        });
    }

    /** Owner only: {@code userId}, a member, becomes the owner; the old owner an admin. */
    public GroupView transfer(long actorId, long groupId, long userId) {
        return changes.apply(groupId, actorId, change -> {
            roster.requireOwner(groupId, actorId);
            if (userId == actorId) {
                throw invalid("you own this group already");
            }
            roster.roleOfOther(groupId, userId);
            roster.transferOwnership(change, userId);
            return new GroupView(change.group().withOwner(userId), Role.ADMIN);
        });
    }

    private static ParleyException invalid(String message) {
        return new ParleyException(ErrorCode.VALIDATION_FAILED, message);
    }
}
