package io.parley.logic.group;

import java.time.Instant;

/**
 * What a change of a group works on: the group as read inside the change's transaction (while
 * holding its lock), who acts, the change's timestamp, and whom it moves in or out of the group's
 * room ({@code moves}, filled as the change runs).
 */
record Change(Group group, long actorId, Instant at, RoomMoves moves) {
    Change(Group group, long actorId, Instant at) {
        this(group, actorId, at, new RoomMoves());
    }

    long groupId() {
        return group.id();
    }
}
