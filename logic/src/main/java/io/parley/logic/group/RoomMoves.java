package io.parley.logic.group;

import java.util.ArrayList;
import java.util.List;

/**
 * Who a change of a group moved into or out of its room (the gateways' index of sockets by
 * group), collected while the change runs and announced by {@link RoomNotices}. Written by the
 * one thread that runs the change.
 */
final class RoomMoves {
    final List<Long> joined = new ArrayList<>();
    final List<Long> left = new ArrayList<>();
    boolean closed;

    boolean isEmpty() {
        return joined.isEmpty() && left.isEmpty() && !closed;
    }
}
