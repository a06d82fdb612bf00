package io.parley.logic.group;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The member limit ({@code im.logic.group.max-members}, 4 here) holds on every path in. */
@MicronautTest(transactional = false)
@Property(name = "im.logic.group.max-members", value = "4")
class GroupFullIT {
    @Inject
    Membership membership;
    @Inject
    Applications applications;
    @Inject
    GroupFixtures fx;

    @Test
    void joinsInvitationsApplicationsAndApprovalsStopAtTheLimit() {
        long owner = fx.user("Fay");
        long open = fx.group(owner, JoinPolicy.OPEN);
        membership.invite(owner, open, List.of(fx.user("F1"), fx.user("F2")));
        long late = fx.user("F4");

        fx.assertRefusedUnchanged(open, ErrorCode.GROUP_FULL,
                () -> membership.invite(owner, open, List.of(fx.user("F3"), late)));
        membership.join(fx.user("F3"), open, null);
        fx.assertRefusedUnchanged(open, ErrorCode.GROUP_FULL,
                () -> membership.join(late, open, null));
        fx.assertRefusedUnchanged(open, ErrorCode.GROUP_FULL,
                () -> membership.invite(owner, open, List.of(late)));
        assertEquals(4, fx.state(open).members().size());

        long approval = fx.group(owner, JoinPolicy.APPROVAL);
        long waiting = membership.join(late, approval, null).applicationId();
        membership.invite(owner, approval, List.of(fx.user("G1"), fx.user("G2"), fx.user("G3")));
        fx.assertRefusedUnchanged(approval, ErrorCode.GROUP_FULL,
                () -> applications.approve(owner, approval, waiting));
        fx.assertRefusedUnchanged(approval, ErrorCode.GROUP_FULL,
                () -> membership.join(fx.user("G4"), approval, null));
        assertEquals(late + ":pending", fx.state(approval).applications().get(waiting),
                "still waiting for a free place");
    }

    @Test
    void concurrentJoinsNeverPassTheLimit() throws Exception {
        long owner = fx.user("Con");
        long id = fx.group(owner, JoinPolicy.OPEN);
        List<Long> users = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            users.add(fx.user("C" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<ErrorCode>> outcomes = new ArrayList<>();
        for (long u : users) {
            outcomes.add(pool.submit(() -> {
                try {
                    membership.join(u, id, null);
                    return null;
                } catch (ParleyException e) {
                    return e.error();
                }
            }));
        }
        int joined = 0;
        int busy = 0;
        for (Future<ErrorCode> f : outcomes) {
            ErrorCode error = f.get(60, TimeUnit.SECONDS);
            if (error == null) {
                joined++;
            } else if (error == ErrorCode.UNAVAILABLE) {
                busy++; // the lock wait ran out: nothing was done
            } else {
                assertEquals(ErrorCode.GROUP_FULL, error);
            }
        }
        pool.shutdown();
        GroupFixtures.GroupState state = fx.state(id);
        assertEquals(joined + 1, state.members().size(), "every success, and only those");
        assertTrue(state.members().size() <= 4, "never over the limit");
        if (busy == 0) {
            assertEquals(3, joined, "three places were free");
        }
        assertTrue(state.group().endsWith("|" + state.members().size() + "|-"),
                "member_count matches the rows: " + state.group());
    }
}
