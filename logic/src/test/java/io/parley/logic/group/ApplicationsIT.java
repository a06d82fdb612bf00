package io.parley.logic.group;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.contracts.error.ErrorCode;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Applying to approval groups, and owners or admins deciding, on the real MariaDB and Redis. */
@MicronautTest(transactional = false)
class ApplicationsIT {
    @Inject
    Membership membership;
    @Inject
    Applications applications;
    @Inject
    GroupDirectory directory;
    @Inject
    GroupFixtures fx;

    @Test
    void aJoinFilesOnePendingApplicationThatAnAdminApproves() {
        GroupFixtures.Cast c = fx.cast(JoinPolicy.APPROVAL);
        long id = c.group();
        long applicant = c.outsider();

        JoinResult first = membership.join(applicant, id, "  I hike too ");
        JoinResult again = membership.join(applicant, id, "ping");
        assertTrue(first.pending());
        assertEquals(first.applicationId(), again.applicationId(), "one pending application");

        List<Application> pending = directory.pendingApplications(c.admin(), id);
        assertEquals(1, pending.size());
        assertEquals(applicant, pending.get(0).userId());
        assertEquals("I hike too", pending.get(0).message());
        assertTrue(pending.get(0).displayName().startsWith("Outsider"));
        assertFalse(fx.state(id).members().containsKey(applicant), "not before the approval");

        MemberView approved = applications.approve(c.admin(), id, first.applicationId());
        assertEquals(applicant, approved.userId());
        assertEquals("member", approved.role());
        GroupFixtures.GroupState state = fx.state(id);
        assertEquals("member", state.members().get(applicant));
        assertEquals(applicant + ":approved", state.applications().get(first.applicationId()));
        assertTrue(state.conversationMembers().containsKey(applicant));
        assertEquals(List.of(), directory.pendingApplications(c.owner(), id));
        fx.assertRefusedUnchanged(id, ErrorCode.GROUP_APPLICATION_NOT_FOUND,
                () -> applications.approve(c.owner(), id, first.applicationId()));
    }

    @Test
    void onlyManagersSeeAndDecideApplicationsAndARejectionAddsNobody() {
        GroupFixtures.Cast c = fx.cast(JoinPolicy.APPROVAL);
        long id = c.group();
        long applicant = c.outsider();
        long application = membership.join(applicant, id, null).applicationId();

        fx.assertRefusedUnchanged(id, ErrorCode.NOT_GROUP_ADMIN,
                () -> directory.pendingApplications(c.member(), id));
        fx.assertRefusedUnchanged(id, ErrorCode.NOT_GROUP_ADMIN,
                () -> applications.approve(c.member(), id, application));
        fx.assertRefusedUnchanged(id, ErrorCode.NOT_GROUP_ADMIN,
                () -> applications.reject(c.member(), id, application));
        fx.assertRefusedUnchanged(id, ErrorCode.NOT_GROUP_MEMBER,
                () -> applications.approve(applicant, id, application));
        long other = fx.group(c.owner(), JoinPolicy.APPROVAL);
        fx.assertRefusedUnchanged(id, ErrorCode.GROUP_APPLICATION_NOT_FOUND,
                () -> applications.approve(c.owner(), other, application));
        fx.assertRefusedUnchanged(id, ErrorCode.GROUP_APPLICATION_NOT_FOUND,
                () -> applications.reject(c.owner(), id, 12345L));

        applications.reject(c.admin(), id, application);
        GroupFixtures.GroupState state = fx.state(id);
        assertEquals(applicant + ":rejected", state.applications().get(application));
        assertEquals(3, state.members().size(), "nobody added");
        fx.assertRefusedUnchanged(id, ErrorCode.GROUP_APPLICATION_NOT_FOUND,
                () -> applications.reject(c.owner(), id, application));

        long retry = membership.join(applicant, id, "second try").applicationId();
        assertTrue(retry != application, "a new application after a rejection");
    }

    @Test
    void anInvitationSettlesAPendingApplication() {
        long owner = fx.user("Cy");
        long applicant = fx.user("Cal");
        long id = fx.group(owner, JoinPolicy.APPROVAL);
        long application = membership.join(applicant, id, null).applicationId();

        membership.invite(owner, id, List.of(applicant));

        assertEquals(applicant + ":approved", fx.state(id).applications().get(application));
        assertEquals(List.of(), directory.pendingApplications(owner, id));
    }
}
