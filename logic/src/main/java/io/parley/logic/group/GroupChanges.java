package io.parley.logic.group;

import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import io.parley.logic.lock.DistributedLock;
import io.parley.logic.lock.Lease;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

/**
 * Runs each change of a group the one safe way: under the group's distributed lock, in one MySQL
 * transaction that first re-reads the group (dissolved: 4101), confirming the lock is still held
 * right before the commit; then it evicts the cached member list. Changes of one group are thus
 * serialized across every logic instance, and each decides on rows no other change is writing
 * (member count against the maximum, roles, who is a member). Waiting happens in Redis, before a
 * database connection is taken, so a crowd of joins does not drain the connection pool.
 */
@Singleton
final class GroupChanges {
    private final DistributedLock locks;
    private final TransactionOperations<Connection> transactions;
    private final GroupRepository groups;
    private final GroupMemberCache cache;
    private final Clock clock;
    private final RoomNotices rooms;

    GroupChanges(DistributedLock locks, TransactionOperations<Connection> transactions,
                 GroupRepository groups, GroupMemberCache cache, Clock clock,
                 RoomNotices rooms) {
        this.rooms = rooms;
        this.locks = locks;
        this.transactions = transactions;
        this.groups = groups;
        this.cache = cache;
        this.clock = clock;
    }

    /** Creates a group and runs {@code body} on it in one transaction; no lock: the id is new. */
    <T> T create(Group group, Function<Change, T> body) {
        Change change = new Change(group, group.ownerId(), group.createdAt());
        T result = transactions.executeWrite(status -> {
            groups.insert(group.id(), group.name(), group.avatarUrl(), group.notice(),
                    group.joinPolicy(), group.ownerId(), group.memberCount(), group.createdAt());
            return body.apply(change);
        });
        rooms.afterCommit(group.id(), change.moves());
        return result;
    }

    /** Changes an existing group on behalf of {@code actorId}; see the class comment. */
    <T> T apply(long groupId, long actorId, Function<Change, T> body) {
        T result;
        RoomMoves moves = new RoomMoves();
        boolean announced = false;
        try (Lease lease = locks.acquire("group:" + groupId)) {
            result = transactions.executeWrite(status -> {
                Group group = groups.findLive(groupId).orElseThrow(
                        () -> new ParleyException(ErrorCode.GROUP_NOT_FOUND));
                T outcome = body.apply(new Change(group, actorId, now(), moves));
                rooms.beforeCommit(groupId, moves);
                lease.confirm();
                return outcome;
            });
            announced = true;
        } finally {
            if (!announced) {
                rooms.rolledBack(groupId, moves);
            }
        }
        cache.invalidate(groupId);
        rooms.afterCommit(groupId, moves);
        return result;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
