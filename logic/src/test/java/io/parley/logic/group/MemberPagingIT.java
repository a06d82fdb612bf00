package io.parley.logic.group;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.contracts.error.ErrorCode;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keyset pages of a member list, with names, and the page size limits. */
@MicronautTest(transactional = false)
class MemberPagingIT {
    @Inject
    GroupDirectory directory;
    @Inject
    Membership membership;
    @Inject
    GroupFixtures fx;

    @Test
    void pagesThroughEveryMemberOnceInUserIdOrderWithNames() {
        long owner = fx.user("Pam");
        long id = fx.group(owner, JoinPolicy.OPEN);
        List<Long> invited = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            invited.add(fx.user("P" + i));
        }
        membership.invite(owner, id, invited);

        List<MemberView> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            MemberPage page = directory.members(owner, id, 3, cursor);
            seen.addAll(page.members());
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 100); // bounded: a cursor that never ends fails

        assertEquals(3, pages, "3 + 3 + 1");
        List<Long> expected = new ArrayList<>(invited);
        expected.add(owner);
        expected.sort(null);
        assertEquals(expected, seen.stream().map(MemberView::userId).toList());
        MemberView first = seen.stream().filter(m -> m.userId() == owner).findFirst().orElseThrow();
        assertEquals("owner", first.role());
        assertTrue(first.displayName().startsWith("Pam"));
        assertNotNull(first.joinedAt());
        assertEquals(7, directory.members(owner, id, 0, null).members().size(), "default 20");
        assertNull(directory.members(owner, id, 7, null).nextCursor(), "exactly one full page");
    }

    @Test
    void refusesPagesOverTheMaximumBadCursorsAndOutsiders() {
        long owner = fx.user("Quin");
        long outsider = fx.user("Quo");
        long id = fx.group(owner, JoinPolicy.OPEN);

        assertEquals(1, directory.members(owner, id, 50, null).members().size(), "50 is allowed");
        fx.assertRefusedUnchanged(id, ErrorCode.PAGE_TOO_LARGE,
                () -> directory.members(owner, id, 51, null));
        fx.assertRefusedUnchanged(id, ErrorCode.VALIDATION_FAILED,
                () -> directory.members(owner, id, -1, null));
        fx.assertRefusedUnchanged(id, ErrorCode.VALIDATION_FAILED,
                () -> directory.members(owner, id, 10, "abc"));
        fx.assertRefusedUnchanged(id, ErrorCode.NOT_GROUP_MEMBER,
                () -> directory.members(outsider, id, 10, null));
        fx.assertRefusedUnchanged(42, ErrorCode.GROUP_NOT_FOUND,
                () -> directory.members(owner, 42, 10, null));
    }
}
