package io.parley.logic.friend;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import io.parley.logic.account.TestUsers;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Friend requests, friendships and blocks on the real MariaDB: outcomes and refusals. */
@MicronautTest(transactional = false)
class FriendGraphIT {
    @Inject
    FriendGraph graph;
    @Inject
    TestUsers users;
    @Inject
    GraphRows rows;

    @Test
    void aSecondRequestWhilePendingReturnsTheFirstAndStoresNothingNew() {
        long a = users.createId("Ann");
        long b = users.createId("Ben");
        FriendGraph.Sent first = graph.request(a, b, " hi Ben ");
        FriendGraph.Sent again = graph.request(a, b, "hello again");

        assertTrue(first.created());
        assertFalse(again.created());
        assertEquals(first.request().id(), again.request().id());
        assertEquals("hi Ben", again.request().greeting());
        assertEquals(new GraphRows.Snapshot(1, 0, 0, 0, 0), rows.between(a, b));
    }

    @Test
    void aRequestToSomeoneWhoAlreadyAskedMeMakesUsFriendsAtOnce() {
        long a = users.createId("Ann");
        long b = users.createId("Ben");
        FriendGraph.Sent asked = graph.request(a, b, "hi");
        FriendGraph.Sent answer = graph.request(b, a, "oh hi");

        assertFalse(answer.created());
        assertEquals(asked.request().id(), answer.request().id());
        assertEquals(FriendRequest.ACCEPTED, answer.request().status());
        assertEquals(new GraphRows.Snapshot(0, 1, 0, 2, 0), rows.between(a, b));
        assertEquals(List.of(b), rows.friendIdsOf(a));
        assertEquals(List.of(a), rows.friendIdsOf(b));
    }

    @Test
    void usersRequestingEachOtherConcurrentlyEndAsFriendsExactlyOnce() throws Exception {
        int pairs = 30;
        List<long[]> created = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            created.add(new long[] {users.createId("P" + i), users.createId("Q" + i)});
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<FriendGraph.Sent>> calls = new ArrayList<>();
        for (long[] pair : created) {
            calls.add(pool.submit(() -> {
                start.await(60, TimeUnit.SECONDS);
                return graph.request(pair[0], pair[1], "");
            }));
            calls.add(pool.submit(() -> {
                start.await(60, TimeUnit.SECONDS);
                return graph.request(pair[1], pair[0], "");
            }));
        }
        start.countDown();
        for (Future<FriendGraph.Sent> call : calls) {
            call.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        for (long[] pair : created) {
            assertEquals(new GraphRows.Snapshot(0, 1, 0, 2, 0), rows.between(pair[0], pair[1]),
                    "one accepted request, one friendship stored both ways");
        }
    }

    @Test
    void refusesRequestsToSelfUnknownUsersFriendsAndOverlongGreetingsChangingNothing() {
        long a = users.createId("Ann");
        long b = users.createId("Ben");
        assertRefused(ErrorCode.FRIEND_REQUEST_TO_SELF, () -> graph.request(a, a, ""));
        assertEquals(new GraphRows.Snapshot(0, 0, 0, 0, 0), rows.between(a, a));
        assertRefused(ErrorCode.USER_NOT_FOUND, () -> graph.request(a, 987_654_321L, ""));
        assertEquals(0, rows.count("SELECT COUNT(*) FROM friend_requests WHERE from_user = ?",
                a));
        assertRefused(ErrorCode.VALIDATION_FAILED, () -> graph.request(a, b, "x".repeat(101)));
        assertEquals(new GraphRows.Snapshot(0, 0, 0, 0, 0), rows.between(a, b));

        graph.accept(b, graph.request(a, b, "").request().id());
        GraphRows.Snapshot friends = rows.between(a, b);
        assertRefused(ErrorCode.ALREADY_FRIENDS, () -> graph.request(a, b, ""));
        assertRefused(ErrorCode.ALREADY_FRIENDS, () -> graph.request(b, a, ""));
        assertEquals(friends, rows.between(a, b));
    }

    @Test
    void refusesRequestsEitherWayOnceOneBlockedTheOtherWithTheSameCode() {
        long blocker = users.createId("Ann");
        long blocked = users.createId("Ben");
        graph.block(blocker, blocked);
        GraphRows.Snapshot before = rows.between(blocker, blocked);

        ParleyException from = assertRefused(ErrorCode.BLOCKED,
                () -> graph.request(blocked, blocker, "let me in"));
        ParleyException to = assertRefused(ErrorCode.BLOCKED,
                () -> graph.request(blocker, blocked, "hi"));
        assertEquals(from.getMessage(), to.getMessage(), "nothing tells who blocked");
        assertEquals(before, rows.between(blocker, blocked));
    }

    @Test
    void onlyTheRecipientMayAcceptOrRejectAPendingRequest() {
        long a = users.createId("Ann");
        long b = users.createId("Ben");
        long c = users.createId("Cat");
        long id = graph.request(a, b, "hi").request().id();

        assertRefused(ErrorCode.FRIEND_REQUEST_NOT_FOUND, () -> graph.accept(a, id));
        assertRefused(ErrorCode.FRIEND_REQUEST_NOT_FOUND, () -> graph.accept(c, id));
        assertRefused(ErrorCode.FRIEND_REQUEST_NOT_FOUND, () -> graph.reject(c, id));
        assertRefused(ErrorCode.FRIEND_REQUEST_NOT_FOUND, () -> graph.accept(b, 987_654_321L));
        assertEquals(new GraphRows.Snapshot(1, 0, 0, 0, 0), rows.between(a, b));

        graph.reject(b, id);
        assertEquals(new GraphRows.Snapshot(0, 0, 1, 0, 0), rows.between(a, b));
        assertRefused(ErrorCode.FRIEND_REQUEST_NOT_FOUND, () -> graph.accept(b, id));
        assertRefused(ErrorCode.FRIEND_REQUEST_NOT_FOUND, () -> graph.reject(b, id));

        // Rejected is history: asking again makes a new pending request.
        assertTrue(graph.request(a, b, "again?").created());
        assertEquals(new GraphRows.Snapshot(1, 0, 1, 0, 0), rows.between(a, b));
    }

    @Test
    void acceptingStoresTheFriendshipBothWaysAndRemovingDeletesBoth() {
        long a = users.createId("Ann");
        long b = users.createId("Ben");
        FriendRequest accepted = graph.accept(b, graph.request(a, b, "hi").request().id());
        assertEquals(FriendRequest.ACCEPTED, accepted.status());
        assertEquals(new GraphRows.Snapshot(0, 1, 0, 2, 0), rows.between(a, b));

        graph.unfriend(b, a);
        assertEquals(new GraphRows.Snapshot(0, 1, 0, 0, 0), rows.between(a, b));
        graph.unfriend(b, a);
        assertTrue(graph.request(b, a, "sorry").created());
    }

    @Test
    void blockingEndsTheFriendshipAndPendingRequestsAndUnblockingAllowsRequestsAgain() {
        long a = users.createId("Ann");
        long b = users.createId("Ben");
        long c = users.createId("Cat");
        graph.accept(b, graph.request(a, b, "").request().id());
        graph.request(c, a, "hi Ann");

        graph.block(a, b);
        graph.block(a, c);
        graph.block(a, c);
        assertEquals(new GraphRows.Snapshot(0, 1, 0, 0, 1), rows.between(a, b));
        assertEquals(new GraphRows.Snapshot(0, 0, 0, 0, 1), rows.between(a, c));

        graph.unblock(a, c);
        assertEquals(new GraphRows.Snapshot(0, 0, 0, 0, 0), rows.between(a, c));
        assertTrue(graph.request(c, a, "hi again").created());
        assertRefused(ErrorCode.VALIDATION_FAILED, () -> graph.block(a, a));
        assertRefused(ErrorCode.USER_NOT_FOUND, () -> graph.block(a, 987_654_321L));
        assertEquals(1, rows.count("SELECT COUNT(*) FROM blocks WHERE user_id = ?", a));
    }

    private static ParleyException assertRefused(ErrorCode code, Executable call) {
        ParleyException e = assertThrows(ParleyException.class, call);
        assertEquals(code, e.error(), e::getMessage);
        return e;
    }
}
