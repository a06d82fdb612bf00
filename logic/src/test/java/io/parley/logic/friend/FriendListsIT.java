package io.parley.logic.friend;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import io.parley.logic.account.TestUsers;
import io.parley.logic.delivery.FakeSession;
import io.parley.logic.page.Page;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lists on the real MariaDB, with presence from a fake session reached over gRPC. */
@MicronautTest(transactional = false)
class FriendListsIT {
    @Inject
    FriendGraph graph;
    @Inject
    FriendLists lists;
    @Inject
    TestUsers users;
    @Inject
    FakeSession session;

    @Test
    void pagesThroughFriendsWithNamesAndOnlineStatusAskingSessionOncePerPage() {
        long me = users.createId("Me");
        List<Long> friends = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long f = users.createId("Friend " + i);
            graph.accept(me, graph.request(f, me, "").request().id());
            friends.add(f);
        }
        session.setOnline(friends.get(1), true);
        session.setOnline(friends.get(4), true);

        int callsBefore = session.locateCalls();
        List<Friend> seen = new ArrayList<>();
        String cursor = "";
        int pages = 0;
        do {
            Page<Friend> page = lists.friends(me, 2, cursor);
            seen.addAll(page.items());
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 100); // bounded: a cursor that never ends fails

        assertEquals(3, pages);
        assertEquals(pages, session.locateCalls() - callsBefore, "one Locate per page");
        assertEquals(friends, seen.stream().map(Friend::userId).toList());
        assertEquals("Friend 3", seen.get(3).displayName());
        assertEquals(List.of(false, true, false, false, true),
                seen.stream().map(Friend::online).toList());
        assertTrue(seen.get(0).since().toEpochMilli() > 0);
    }

    @Test
    void showsFriendsOfflineWhenSessionCannotSayRatherThanFailing() {
        long me = users.createId("Me");
        long friend = users.createId("Friend");
        graph.accept(me, graph.request(friend, me, "").request().id());
        session.setOnline(friend, true);
        session.setFailing(true);
        try {
            Page<Friend> page = lists.friends(me, 0, "");
            assertEquals(List.of(friend), page.items().stream().map(Friend::userId).toList());
            assertFalse(page.items().get(0).online());
        } finally {
            session.setFailing(false);
        }
        assertTrue(lists.friends(me, 0, "").items().get(0).online());
    }

    @Test
    void listsPendingRequestsEachWayNewestFirstWithTheOtherUsersName() {
        long me = users.createId("Me");
        long ann = users.createId("Ann");
        long ben = users.createId("Ben");
        long cat = users.createId("Cat");
        graph.request(ann, me, "from Ann");
        graph.request(ben, me, "from Ben");
        graph.request(me, cat, "to Cat");
        graph.reject(me, graph.request(users.createId("Dan"), me, "").request().id());

        Page<RequestView> incoming = lists.requests(me, Direction.INCOMING, 0, "");
        assertEquals(List.of("Ben", "Ann"),
                incoming.items().stream().map(RequestView::otherName).toList());
        assertEquals(List.of("from Ben", "from Ann"),
                incoming.items().stream().map(RequestView::greeting).toList());
        assertNull(incoming.nextCursor());

        Page<RequestView> firstIncoming = lists.requests(me, Direction.INCOMING, 1, "");
        assertEquals(ben, firstIncoming.items().get(0).fromUser());
        assertEquals(ann, lists.requests(me, Direction.INCOMING, 1, firstIncoming.nextCursor())
                .items().get(0).fromUser());

        Page<RequestView> outgoing = lists.requests(me, Direction.OUTGOING, 0, "");
        assertEquals(1, outgoing.items().size());
        assertEquals("Cat", outgoing.items().get(0).otherName());
        assertEquals(cat, outgoing.items().get(0).toUser());
    }

    @Test
    void listsWhomIBlockedAndNotWhoBlockedMe() {
        long me = users.createId("Me");
        long ann = users.createId("Ann");
        long ben = users.createId("Ben");
        graph.block(me, ann);
        graph.block(ben, me);

        Page<RelatedUser> blocked = lists.blocked(me, 0, "");
        assertEquals(List.of(ann), blocked.items().stream().map(RelatedUser::userId).toList());
        assertEquals("Ann", blocked.items().get(0).displayName());
        assertTrue(lists.blocked(ann, 0, "").items().isEmpty());
    }

    @Test
    void refusesAPageOverTheMaximumWith1007() {
        long me = users.createId("Me");
        for (ParleyException e : List.of(
                assertThrows(ParleyException.class, () -> lists.friends(me, 51, "")),
                assertThrows(ParleyException.class,
                        () -> lists.requests(me, Direction.INCOMING, 51, "")),
                assertThrows(ParleyException.class, () -> lists.blocked(me, 51, "")))) {
            assertEquals(ErrorCode.PAGE_TOO_LARGE, e.error());
        }
        assertEquals(ErrorCode.VALIDATION_FAILED, assertThrows(ParleyException.class,
                () -> lists.friends(me, 10, "garbage!")).error());
        assertFalse(lists.friends(me, 50, "").items().iterator().hasNext());
    }
}
