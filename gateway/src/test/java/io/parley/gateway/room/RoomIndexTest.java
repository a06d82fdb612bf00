package io.parley.gateway.room;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoomIndexTest {
    private final RoomIndex index = new RoomIndex();

    private Set<String> in(String room) {
        return index.members(room).stream().map(RoomIndex.Member::connectionId)
                .collect(Collectors.toSet());
    }

    @Test
    void settledSocketIsInEveryListedRoomAndLeavesThemWhenClosed() {
        index.admit("c1", 7);
        index.settle("c1", List.of("g_1", "g_2"));
        index.admit("c2", 7);
        index.settle("c2", List.of("g_1", "g_2"));
        assertEquals(Set.of("c1", "c2"), in("g_1"));
        assertEquals(4, index.membershipCount());
        assertEquals(List.of(7L, 7L), index.members("g_2").stream()
                .map(RoomIndex.Member::userId).toList());
        index.remove("c1");
        assertEquals(Set.of("c2"), in("g_1"));
        index.remove("c2");
        assertTrue(in("g_1").isEmpty());
        assertEquals(0, index.roomCount(), "empty rooms are dropped");
        assertEquals(0, index.membershipCount());
    }

    @Test
    void joinAndLeaveMoveEverySocketOfTheUserOnly() {
        index.admit("a1", 1);
        index.settle("a1", List.of());
        index.admit("a2", 1);
        index.settle("a2", List.of());
        index.admit("b1", 2);
        index.settle("b1", List.of("g_9"));
        index.change("g_9", List.of(1L), List.of());
        assertEquals(Set.of("a1", "a2", "b1"), in("g_9"));
        index.change("g_9", List.of(), List.of(1L));
        assertEquals(Set.of("b1"), in("g_9"), "a kick removes all of the user's sockets");
        assertEquals(1, index.membershipCount());
        index.change("g_9", List.of(), List.of(3L));
        assertEquals(Set.of("b1"), in("g_9"), "a user without sockets here changes nothing");
    }

    @Test
    void changeConsumedWhileTheListIsOnItsWayWinsOverTheList() {
        index.admit("c1", 5);
        // a kick consumed before logic's answer, which was read before the kick committed
        index.change("g_1", List.of(), List.of(5L));
        // a join consumed before an answer read before the join committed
        index.change("g_2", List.of(5L), List.of());
        index.settle("c1", List.of("g_1", "g_3"));
        assertTrue(in("g_1").isEmpty(), "kicked stays out");
        assertEquals(Set.of("c1"), in("g_2"), "joined stays in");
        assertEquals(Set.of("c1"), in("g_3"));
        // once settled, changes apply as they come
        index.change("g_1", List.of(5L), List.of());
        assertEquals(Set.of("c1"), in("g_1"));
    }

    @Test
    void closedRoomEmptiesAndPendingListsDoNotRefillIt() {
        index.admit("c1", 1);
        index.settle("c1", List.of("g_4"));
        index.admit("c2", 2);
        index.close("g_4");
        index.settle("c2", List.of("g_4"));
        assertTrue(in("g_4").isEmpty());
        assertEquals(0, index.membershipCount());
        index.remove("c1");
        index.remove("c2");
        assertEquals(0, index.roomCount());
    }

    @Test
    void socketClosedBeforeItsListCameStaysOut() {
        index.admit("c1", 1);
        index.remove("c1");
        index.settle("c1", List.of("g_1"));
        assertTrue(in("g_1").isEmpty());
    }
}
