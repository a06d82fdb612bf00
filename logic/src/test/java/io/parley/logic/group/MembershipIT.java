package io.parley.logic.group;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.contracts.error.ErrorCode;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Join, invite, leave, kick, roles and ownership on the real MariaDB and Redis. Every refusal is
 * checked for its code and for leaving every row of the group as it was.
 */
@MicronautTest(transactional = false)
class MembershipIT {
    @Inject
    Membership membership;
    @Inject
    GroupDirectory directory;
    @Inject
    GroupFixtures fx;

    @Test
    void joiningAnOpenGroupAddsTheMemberEverywhereAndASecondJoinIsRefused() {
        long owner = fx.user("Olly");
        long joiner = fx.user("Jo");
        long id = fx.group(owner, JoinPolicy.OPEN);

        JoinResult result = membership.join(joiner, id, null);

        assertFalse(result.pending());
        GroupFixtures.GroupState state = fx.state(id);
        assertEquals(Map.of(owner, "owner", joiner, "member"), state.members());
        assertEquals(Map.of(owner, 0L, joiner, 0L), state.conversationMembers());
        assertTrue(state.group().endsWith("|2|-"), "member_count 2: " + state.group());
        fx.assertRefusedUnchanged(id, ErrorCode.ALREADY_GROUP_MEMBER,
                () -> membership.join(joiner, id, null));
        fx.assertRefusedUnchanged(id, ErrorCode.ALREADY_GROUP_MEMBER,
                () -> membership.join(owner, id, null));
    }

    @Test
    void inviteOnlyGroupsRefuseJoinsAndTooLongNotesAreRefused() {
        long owner = fx.user("Iris");
        long id = fx.group(owner, JoinPolicy.INVITE);
        long outsider = fx.user("Ian");
        fx.assertRefusedUnchanged(id, ErrorCode.GROUP_JOIN_NOT_ALLOWED,
                () -> membership.join(outsider, id, "please"));
        long approval = fx.group(owner, JoinPolicy.APPROVAL);
        fx.assertRefusedUnchanged(approval, ErrorCode.VALIDATION_FAILED,
                () -> membership.join(outsider, approval, "x".repeat(201)));
        fx.assertRefusedUnchanged(42, ErrorCode.GROUP_NOT_FOUND,
                () -> membership.join(outsider, 42, null));
    }

    @Test
    void anyMemberInvitesToAnOpenGroupOnlyManagersToOthersAndUnknownUsersAddNobody() {
        long owner = fx.user("Ivy");
        long member = fx.user("Ike");
        long friend = fx.user("Ina");
        long another = fx.user("Isa");
        long open = fx.group(owner, JoinPolicy.OPEN);
        membership.join(member, open, null);

        assertEquals(List.of(friend), membership.invite(member, open, List.of(friend, owner,
                friend)), "existing members and repeats are skipped");
        fx.assertRefusedUnchanged(open, ErrorCode.USER_NOT_FOUND,
                () -> membership.invite(member, open, List.of(another, 987_654_321L)));
        fx.assertRefusedUnchanged(open, ErrorCode.VALIDATION_FAILED,
                () -> membership.invite(member, open, List.of()));
        fx.assertRefusedUnchanged(open, ErrorCode.VALIDATION_FAILED,
                () -> membership.invite(member, open, List.of(-5L)));
        fx.assertRefusedUnchanged(open, ErrorCode.NOT_GROUP_MEMBER,
                () -> membership.invite(another, open, List.of(another)));

        long closed = fx.group(owner, JoinPolicy.INVITE);
        membership.invite(owner, closed, List.of(member));
        fx.assertRefusedUnchanged(closed, ErrorCode.NOT_GROUP_ADMIN,
                () -> membership.invite(member, closed, List.of(another)));
        assertEquals(List.of(another), membership.invite(owner, closed, List.of(another)));
        assertEquals(Map.of(owner, "owner", member, "member", another, "member"),
                fx.state(closed).members());
    }

    @Test
    void membersLeaveButTheOwnerMustTransferFirst() {
        long owner = fx.user("Lea");
        long member = fx.user("Leo");
        long id = fx.group(owner, JoinPolicy.OPEN);
        membership.join(member, id, null);

        membership.leave(member, id);
        assertEquals(Map.of(owner, "owner"), fx.state(id).members());
        assertEquals(Map.of(owner, 0L), fx.state(id).conversationMembers());
        fx.assertRefusedUnchanged(id, ErrorCode.NOT_GROUP_MEMBER,
                () -> membership.leave(member, id));
        fx.assertRefusedUnchanged(id, ErrorCode.OWNER_MUST_TRANSFER,
                () -> membership.leave(owner, id));
    }

    @Test
    void theOwnerKicksAnyoneAnAdminOnlyPlainMembersAndMembersNobody() {
        GroupFixtures.Cast c = fx.cast(JoinPolicy.OPEN);
        long id = c.group();
        long admin2 = fx.user("Kat");
        long member2 = fx.user("Kit");
        membership.invite(c.owner(), id, List.of(admin2, member2));
        membership.setRole(c.owner(), id, admin2, "admin");

        fx.assertRefusedUnchanged(id, ErrorCode.NOT_GROUP_ADMIN,
                () -> membership.kick(c.member(), id, member2));
        fx.assertRefusedUnchanged(id, ErrorCode.NOT_GROUP_ADMIN,
                () -> membership.kick(c.member(), id, c.outsider()));
        fx.assertRefusedUnchanged(id, ErrorCode.NOT_GROUP_ADMIN,
                () -> membership.kick(c.admin(), id, admin2));
        fx.assertRefusedUnchanged(id, ErrorCode.NOT_GROUP_ADMIN,
                () -> membership.kick(c.admin(), id, c.owner()));
        fx.assertRefusedUnchanged(id, ErrorCode.NOT_GROUP_MEMBER,
                () -> membership.kick(c.outsider(), id, c.member()));
        fx.assertRefusedUnchanged(id, ErrorCode.NOT_GROUP_MEMBER,
                () -> membership.kick(c.admin(), id, c.outsider()));
        fx.assertRefusedUnchanged(id, ErrorCode.VALIDATION_FAILED,
                () -> membership.kick(c.admin(), id, c.admin()));

        membership.kick(c.admin(), id, c.member());
        membership.kick(c.owner(), id, admin2);
        assertEquals(Map.of(c.owner(), "owner", c.admin(), "admin", member2, "member"),
                fx.state(id).members());
        assertEquals(3, directory.get(c.owner(), id).group().memberCount());
        assertEquals(3, fx.state(id).conversationMembers().size());
    }

    @Test
    void onlyTheOwnerPromotesAndDemotes() {
        GroupFixtures.Cast c = fx.cast(JoinPolicy.OPEN);
        long id = c.group();

        MemberView promoted = membership.setRole(c.owner(), id, c.member(), "admin");
        assertEquals("admin", promoted.role());
        assertEquals(c.member(), promoted.userId());
        assertTrue(promoted.displayName().startsWith("Member"));
        assertEquals("member", membership.setRole(c.owner(), id, c.member(), "member").role());

        fx.assertRefusedUnchanged(id, ErrorCode.NOT_GROUP_ADMIN,
                () -> membership.setRole(c.admin(), id, c.member(), "admin"));
        fx.assertRefusedUnchanged(id, ErrorCode.VALIDATION_FAILED,
                () -> membership.setRole(c.owner(), id, c.member(), "owner"));
        fx.assertRefusedUnchanged(id, ErrorCode.VALIDATION_FAILED,
                () -> membership.setRole(c.owner(), id, c.member(), "king"));
        fx.assertRefusedUnchanged(id, ErrorCode.VALIDATION_FAILED,
                () -> membership.setRole(c.owner(), id, c.owner(), "member"));
        fx.assertRefusedUnchanged(id, ErrorCode.NOT_GROUP_MEMBER,
                () -> membership.setRole(c.owner(), id, c.outsider(), "admin"));

        assertEquals("member", membership.setRole(c.owner(), id, c.admin(), "member").role());
        assertEquals(Map.of(c.owner(), "owner", c.admin(), "member", c.member(), "member"),
                fx.state(id).members());
    }

    @Test
    void transferMakesAMemberTheOwnerAndTheOldOwnerAnAdminWhoMayThenLeave() {
        long owner = fx.user("Tom");
        long heir = fx.user("Tia");
        long outsider = fx.user("Ted");
        long id = fx.group(owner, JoinPolicy.OPEN);
        membership.join(heir, id, null);

        fx.assertRefusedUnchanged(id, ErrorCode.NOT_GROUP_MEMBER,
                () -> membership.transfer(owner, id, outsider));
        fx.assertRefusedUnchanged(id, ErrorCode.NOT_GROUP_ADMIN,
                () -> membership.transfer(heir, id, heir));
        fx.assertRefusedUnchanged(id, ErrorCode.VALIDATION_FAILED,
                () -> membership.transfer(owner, id, owner));

        GroupView after = membership.transfer(owner, id, heir);
        assertEquals(heir, after.group().ownerId());
        assertEquals(Role.ADMIN, after.myRole());
        assertEquals(Map.of(owner, "admin", heir, "owner"), fx.state(id).members());
        assertEquals(heir, directory.get(owner, id).group().ownerId());
        membership.leave(owner, id);
        assertEquals(Map.of(heir, "owner"), fx.state(id).members());
    }
}
