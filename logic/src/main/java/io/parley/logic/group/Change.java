package io.parley.logic.group;

import java.time.Instant;

/**
 * What a change of a group works on: the group as read inside the change's transaction (while
 * holding its lock), who acts, and the change's timestamp.
 */
record Change(Group group, long actorId, Instant at) {
    long groupId() {
        return group.id();
    }
}
