package io.parley.logic.group;

import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import io.parley.logic.page.PageLimits;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads of groups, straight from MySQL, each in a fixed number of queries: a group for its
 * members, a user's groups, a group's members page by page, pending applications.
 */
@Singleton
public final class GroupDirectory {
    private final GroupRepository groups;
    private final MemberRepository members;
    private final ApplicationRepository applications;
    private final Roster roster;
    private final PageLimits pages;

    GroupDirectory(GroupRepository groups, MemberRepository members,
                   ApplicationRepository applications, Roster roster, PageLimits pages) {
        this.groups = groups;
        this.members = members;
        this.applications = applications;
        this.roster = roster;
        this.pages = pages;
    }

    /** Members only: 4101 for an unknown or dissolved group, 4102 for anyone else. */
    public GroupView get(long actorId, long groupId) {
        Group group = live(groupId);
        return new GroupView(group, roster.roleOf(groupId, actorId));
    }

    /** The groups {@code userId} is a member of, with their role in each, by group id. */
    public List<GroupView> groupsOf(long userId) {
        Map<Long, Role> roles = members.groupsOf(userId).stream()
                .collect(Collectors.toMap(GroupRole::groupId, r -> Role.of(r.role())));
        if (roles.isEmpty()) {
            return List.of();
        }
        return groups.findLive(roles.keySet()).stream()
                .map(g -> new GroupView(g, roles.get(g.id())))
                .toList();
    }

    /**
     * One page of members ordered by user id; {@code cursor} is the previous page's
     * {@code nextCursor} (empty or null for the first page), {@code limit} 0 for the default.
     */
    public MemberPage members(long actorId, long groupId, int limit, String cursor) {
        int size = pages.size(limit);
        long after = after(cursor);
        live(groupId);
        roster.roleOf(groupId, actorId);
        List<MemberView> rows = members.page(groupId, after, size + 1);
        if (rows.size() <= size) {
            return new MemberPage(rows, null);
        }
        List<MemberView> page = rows.subList(0, size);
        return new MemberPage(page, Long.toString(page.get(size - 1).userId()));
    }

    /** Owner or admin: the pending applications, oldest first. */
    public List<Application> pendingApplications(long actorId, long groupId) {
        live(groupId);
        roster.requireManager(groupId, actorId);
        return applications.listPending(groupId);
    }

    private Group live(long groupId) {
        return groups.findLive(groupId).orElseThrow(
                () -> new ParleyException(ErrorCode.GROUP_NOT_FOUND));
    }

    private static long after(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        try {
            long after = Long.parseLong(cursor);
            if (after > 0) {
                return after;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ParleyException(ErrorCode.VALIDATION_FAILED, "cursor is not one this API issued");
    }
}
