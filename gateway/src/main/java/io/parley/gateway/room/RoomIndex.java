package io.parley.gateway.room;

import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which local sockets belong to which group conversation (room), for every group of their user.
 * A socket is {@link #admit admitted} first (from then on membership changes of its user apply
 * to it) and {@link #settle settled} with the groups its user had when logic was asked: a room
 * that a change touched meanwhile keeps what the change said, since the change may be newer than
 * the answer (a kick produced before the list was read and consumed before the answer came).
 * All changes take one lock; {@link #members} reads a copy under it, so a message consumed after
 * a kick (the same partition, the same consumer thread) never finds the kicked member's sockets.
 */
@Singleton
public final class RoomIndex {
    private final Map<String, Socket> sockets = new HashMap<>();
    private final Map<Long, Set<String>> byUser = new HashMap<>();
    private final Map<String, Set<String>> rooms = new HashMap<>();
    private int memberships;

    /** A local socket in a room. */
    public record Member(String connectionId, long userId) {
    }

    /**
     * Most sockets are in no room and see no change while their list is on its way: both sets
     * are made when first needed, so such a socket keeps none (issue #10).
     */
    private static final class Socket {
        final long userId;
        Set<String> rooms = Set.of();
        /** Rooms changed while the socket's list was on its way; {@code settled} once it came. */
        Set<String> touched = Set.of();
        boolean settled;

        Socket(long userId) {
            this.userId = userId;
        }

        void touch(String room) {
            if (!settled) {
                touched = added(touched, room);
            }
        }

        void enter(String room) {
            rooms = added(rooms, room);
        }

        void leave(String room) {
            if (!rooms.isEmpty()) {
                rooms.remove(room);
            }
        }

        private static Set<String> added(Set<String> set, String room) {
            Set<String> out = set.isEmpty() ? new HashSet<>(4) : set;
            out.add(room);
            return out;
        }
    }

    /** The socket takes part in its user's membership changes from now on. */
    public synchronized void admit(String connectionId, long userId) {
        sockets.put(connectionId, new Socket(userId));
        // sized for the usual one or two sockets of a user on one gateway
        byUser.computeIfAbsent(userId, u -> new HashSet<>(2)).add(connectionId);
    }

    /** The rooms of the socket's user as logic listed them, but those changed meanwhile. */
    public synchronized void settle(String connectionId, Collection<String> conversationIds) {
        Socket s = sockets.get(connectionId);
        if (s == null || s.settled) {
            return;
        }
        for (String room : conversationIds) {
            if (!s.touched.contains(room)) {
                enter(connectionId, s, room);
            }
        }
        s.settled = true;
        s.touched = Set.of();
    }

    /** The socket closed. */
    public synchronized void remove(String connectionId) {
        Socket s = sockets.remove(connectionId);
        if (s == null) {
            return;
        }
        for (String room : s.rooms) {
            drop(connectionId, room);
        }
        Set<String> mine = byUser.get(s.userId);
        if (mine != null && mine.remove(connectionId) && mine.isEmpty()) {
            byUser.remove(s.userId);
        }
    }

    /** Users joined and left a room: their local sockets enter or leave it. */
    public synchronized void change(String room, Collection<Long> joined, Collection<Long> left) {
        for (long user : joined) {
            for (String id : byUser.getOrDefault(user, Set.of())) {
                Socket s = sockets.get(id);
                s.touch(room);
                enter(id, s, room);
            }
        }
        for (long user : left) {
            for (String id : byUser.getOrDefault(user, Set.of())) {
                Socket s = sockets.get(id);
                s.touch(room);
                leave(id, s, room);
            }
        }
    }

    /** The group is gone: every socket leaves its room. */
    public synchronized void close(String room) {
        Set<String> in = rooms.remove(room);
        if (in != null) {
            memberships -= in.size();
            for (String id : in) {
                sockets.get(id).leave(room);
            }
        }
        for (Socket s : sockets.values()) {
            s.touch(room);
        }
    }

    /** The local sockets in the room now, with their users. */
    public synchronized List<Member> members(String room) {
        Set<String> in = rooms.get(room);
        if (in == null) {
            return List.of();
        }
        return in.stream().map(id -> new Member(id, sockets.get(id).userId)).toList();
    }

    /** Rooms with at least one local socket. */
    public synchronized int roomCount() {
        return rooms.size();
    }

    /** (socket, room) pairs: what the index holds. */
    public synchronized int membershipCount() {
        return memberships;
    }

    private void enter(String id, Socket s, String room) {
        s.enter(room);
        if (rooms.computeIfAbsent(room, r -> new HashSet<>()).add(id)) {
            memberships++;
        }
    }

    private void leave(String id, Socket s, String room) {
        s.leave(room);
        drop(id, room);
    }

    /** The socket is out of the room's set; an empty room is dropped. */
    private void drop(String id, String room) {
        Set<String> in = rooms.get(room);
        if (in != null && in.remove(id)) {
            memberships--;
            if (in.isEmpty()) {
                rooms.remove(room);
            }
        }
    }
}
