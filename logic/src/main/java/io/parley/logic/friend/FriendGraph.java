package io.parley.logic.friend;

import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Every change of the social graph, each in one transaction. A change between two users first
 * locks both users' rows ({@link FriendshipRepository#lockUsers}), so all changes of one pair
 * run one after the other: two users requesting each other at once are seen in turn, and the
 * second finds the first's request and accepts it, ending as one friendship.
 */
@Singleton
class FriendGraph {
    private final RequestRepository requests;
    private final FriendshipRepository friendships;
    private final BlockRepository blocks;
    private final Clock clock;

    FriendGraph(RequestRepository requests, FriendshipRepository friendships,
                BlockRepository blocks, Clock clock) {
        this.requests = requests;
        this.friendships = friendships;
        this.blocks = blocks;
        this.clock = clock;
    }

    /** The outcome of a request: the request as it stands, and whether this call created it. */
    record Sent(FriendRequest request, boolean created) {
    }

    @Transactional
    Sent request(long from, long to, String greeting) {
        if (from == to) {
            throw new ParleyException(ErrorCode.FRIEND_REQUEST_TO_SELF);
        }
        FriendRequest fresh = FriendRequest.pending(from, to, greeting, now());
        lockPair(from, to);
        if (blocks.countEitherWay(from, to) > 0) {
            throw new ParleyException(ErrorCode.BLOCKED);
        }
        if (friendships.countEdge(from, to) > 0) {
            throw new ParleyException(ErrorCode.ALREADY_FRIENDS);
        }
        Optional<FriendRequest> mine = requests.findPending(from, to);
        if (mine.isPresent()) {
            return new Sent(mine.get(), false);
        }
        Optional<FriendRequest> theirs = requests.findPending(to, from);
        if (theirs.isPresent()) {
            return new Sent(befriend(theirs.get()), false);
        }
        return new Sent(requests.save(fresh), true);
    }

    /** Only the recipient may accept, and only while the request is pending. */
    @Transactional
    FriendRequest accept(long me, long requestId) {
        FriendRequest seen = pendingFor(me, requestId);
        lockPair(seen.fromUser(), seen.toUser());
        // Read again under the locks: a crossing request or a block may have decided it.
        return befriend(pendingFor(me, requestId));
    }

    @Transactional
    void reject(long me, long requestId) {
        pendingFor(me, requestId);
        if (requests.decide(requestId, FriendRequest.REJECTED, now()) == 0) {
            throw new ParleyException(ErrorCode.FRIEND_REQUEST_NOT_FOUND);
        }
    }

    /** Ends a friendship in both directions; nothing to do when there is none. */
    @Transactional
    void unfriend(long me, long other) {
        friendships.deleteBothWays(me, other);
    }

    /** Blocks, and ends what the two had: the friendship and pending requests either way. */
    @Transactional
    void block(long me, long other) {
        if (me == other) {
            throw new ParleyException(ErrorCode.VALIDATION_FAILED, "you cannot block yourself");
        }
        lockPair(me, other);
        blocks.insert(me, other, now());
        friendships.deleteBothWays(me, other);
        requests.deletePendingBetween(me, other);
    }

    @Transactional
    void unblock(long me, long other) {
        blocks.delete(me, other);
    }

    private FriendRequest befriend(FriendRequest request) {
        Instant at = now();
        requests.decide(request.id(), FriendRequest.ACCEPTED, at);
        friendships.insertBothWays(request.fromUser(), request.toUser(), at);
        return request.decided(FriendRequest.ACCEPTED, at);
    }

    private FriendRequest pendingFor(long me, long requestId) {
        return requests.findById(requestId).filter(r -> r.isPendingFor(me))
                .orElseThrow(() -> new ParleyException(ErrorCode.FRIEND_REQUEST_NOT_FOUND));
    }

    private void lockPair(long a, long b) {
        if (friendships.lockUsers(a, b).size() < 2) {
            throw new ParleyException(ErrorCode.USER_NOT_FOUND);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
