package io.parley.logic.group;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Creating, reading, editing, listing and dissolving groups on the real MariaDB and Redis. */
@MicronautTest(transactional = false)
class GroupLifecycleIT {
    @Inject
    Groups groups;
    @Inject
    GroupDirectory directory;
    @Inject
    Membership membership;
    @Inject
    GroupFixtures fx;

    @Test
    void createsAGroupWithItsOwnerAndItsConversation() throws Exception {
        long owner = fx.user("Olga");
        GroupView view = groups.create(owner, new GroupProfile("  Hikers ",
                "https://img.example/h.png", "Sundays at 9", JoinPolicy.APPROVAL));

        Group g = view.group();
        assertEquals("Hikers", g.name());
        assertEquals("https://img.example/h.png", g.avatarUrl());
        assertEquals("Sundays at 9", g.notice());
        assertEquals(JoinPolicy.APPROVAL, g.policy());
        assertEquals(owner, g.ownerId());
        assertEquals(1, g.memberCount());
        assertEquals(Role.OWNER, view.myRole());
        assertTrue(g.id() > 1L << 22, "a Snowflake id");
        GroupFixtures.GroupState state = fx.state(g.id());
        assertEquals(Map.of(owner, "owner"), state.members());
        assertEquals(Map.of(owner, 0L), state.conversationMembers());
        try (Connection c = fx.db().getConnection();
             PreparedStatement q = c.prepareStatement(
                     "SELECT kind, last_seq FROM conversations WHERE id = ?")) {
            q.setString(1, "g_" + g.id());
            try (ResultSet rs = q.executeQuery()) {
                assertTrue(rs.next(), "the group's conversation exists");
                assertEquals(2, rs.getInt(1), "kind 2 = group");
                assertEquals(0, rs.getLong(2));
            }
        }
    }

    @Test
    void refusesInvalidProfilesAndCreatesNothing() throws Exception {
        long owner = fx.user("Ivan");
        for (String[] bad : new String[][] {
                {" ", null, null}, {"x".repeat(65), null, null},
                {"ok", "ftp://img.example/a.png", null}, {"ok", "not a url", null},
                {"ok", null, "n".repeat(1001)}}) {
            ParleyException e = assertThrows(ParleyException.class, () -> groups.create(owner,
                    new GroupProfile(bad[0], bad[1], bad[2], JoinPolicy.OPEN)));
            assertEquals(ErrorCode.VALIDATION_FAILED, e.error());
        }
        ParleyException policy = assertThrows(ParleyException.class, () -> JoinPolicy.of("secret"));
        assertEquals(ErrorCode.VALIDATION_FAILED, policy.error());
        assertEquals(0, directory.groupsOf(owner).size());
        try (Connection c = fx.db().getConnection();
             PreparedStatement q = c.prepareStatement(
                     "SELECT COUNT(*) FROM `groups` WHERE owner_id = ?")) {
            q.setLong(1, owner);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getInt(1));
            }
        }
    }

    @Test
    void onlyMembersSeeAGroupAndUnknownGroupsAreNotFound() {
        long owner = fx.user("Omar");
        long outsider = fx.user("Otto");
        long id = fx.group(owner, JoinPolicy.OPEN);

        assertEquals(Role.OWNER, directory.get(owner, id).myRole());
        assertEquals(ErrorCode.NOT_GROUP_MEMBER, assertThrows(ParleyException.class,
                () -> directory.get(outsider, id)).error());
        assertEquals(ErrorCode.GROUP_NOT_FOUND, assertThrows(ParleyException.class,
                () -> directory.get(owner, 42)).error());
        membership.join(outsider, id, null);
        assertEquals(Role.MEMBER, directory.get(outsider, id).myRole());
        assertEquals(2, directory.get(outsider, id).group().memberCount());
    }

    @Test
    void ownersAndAdminsEditTheProfileMembersAndOutsidersCannot() {
        GroupFixtures.Cast c = fx.cast(JoinPolicy.OPEN);
        long id = c.group();

        GroupView edited = groups.update(c.admin(), id, "Renamed", null, "New notice", "invite");
        assertEquals("Renamed", edited.group().name());
        assertEquals("New notice", edited.group().notice());
        assertEquals(JoinPolicy.INVITE, edited.group().policy());
        assertEquals(Role.ADMIN, edited.myRole());
        assertEquals("Renamed", directory.get(c.owner(), id).group().name(), "stored");
        assertEquals("", groups.update(c.owner(), id, null, null, "", null).group().notice(),
                "an empty notice clears it");

        fx.assertRefusedUnchanged(id, ErrorCode.NOT_GROUP_ADMIN,
                () -> groups.update(c.member(), id, "Mine now", null, null, null));
        fx.assertRefusedUnchanged(id, ErrorCode.NOT_GROUP_MEMBER,
                () -> groups.update(c.outsider(), id, "Mine now", null, null, null));
        fx.assertRefusedUnchanged(id, ErrorCode.VALIDATION_FAILED,
                () -> groups.update(c.owner(), id, "", null, null, null));
        fx.assertRefusedUnchanged(id, ErrorCode.VALIDATION_FAILED,
                () -> groups.update(c.owner(), id, null, null, null, "closed"));
        fx.assertRefusedUnchanged(id, ErrorCode.VALIDATION_FAILED,
                () -> groups.update(c.owner(), id, null, "javascript:alert(1)", null, null));
    }

    @Test
    void listsMyGroupsWithMyRoleInEach() {
        long me = fx.user("Mia");
        long other = fx.user("Max");
        long mine = fx.group(me, JoinPolicy.OPEN);
        long theirs = fx.group(other, JoinPolicy.OPEN);
        long notMine = fx.group(other, JoinPolicy.OPEN);
        membership.join(me, theirs, null);

        List<GroupView> list = directory.groupsOf(me);
        assertEquals(List.of(mine, theirs), list.stream().map(v -> v.group().id()).toList());
        assertEquals(List.of(Role.OWNER, Role.MEMBER), list.stream().map(GroupView::myRole)
                .toList());
        assertTrue(directory.groupsOf(other).stream().anyMatch(v -> v.group().id() == notMine));
        assertEquals(List.of(), directory.groupsOf(fx.user("Nobody")));
    }

    @Test
    void onlyTheOwnerDissolvesAndThenTheGroupIsGoneForEveryone() {
        GroupFixtures.Cast c = fx.cast(JoinPolicy.APPROVAL);
        long id = c.group();
        long application = membership.join(c.outsider(), id, "let me in").applicationId();

        fx.assertRefusedUnchanged(id, ErrorCode.NOT_GROUP_ADMIN,
                () -> groups.dissolve(c.admin(), id));
        fx.assertRefusedUnchanged(id, ErrorCode.NOT_GROUP_MEMBER,
                () -> groups.dissolve(c.outsider(), id));
        groups.dissolve(c.owner(), id);

        GroupFixtures.GroupState state = fx.state(id);
        assertEquals(Map.of(), state.members());
        assertEquals(Map.of(), state.conversationMembers());
        assertEquals(Map.of(application, c.outsider() + ":rejected"), state.applications());
        assertNotNull(state.group());
        assertTrue(state.group().contains("|0|"), "member_count 0: " + state.group());
        assertEquals(ErrorCode.GROUP_NOT_FOUND, assertThrows(ParleyException.class,
                () -> directory.get(c.owner(), id)).error());
        assertEquals(ErrorCode.GROUP_NOT_FOUND, assertThrows(ParleyException.class,
                () -> membership.join(c.outsider(), id, null)).error());
        assertEquals(ErrorCode.GROUP_NOT_FOUND, assertThrows(ParleyException.class,
                () -> groups.dissolve(c.owner(), id)).error());
        assertTrue(directory.groupsOf(c.admin()).isEmpty());
    }
}
