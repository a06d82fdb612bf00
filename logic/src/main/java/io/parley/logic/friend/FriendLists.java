package io.parley.logic.friend;

import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import io.parley.contracts.proto.Connection;
import io.parley.logic.delivery.PresenceClient;
import io.parley.logic.page.Cursor;
import io.parley.logic.page.Page;
import io.parley.logic.page.PageLimits;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * My lists: pending requests, friends, blocked users. Each page is one query with the other
 * users' names joined in, and a page of friends asks session once for the whole page's presence.
 * Presence is a hint: when session cannot answer, friends are shown offline rather than the list
 * (or an accept that already committed) failing.
 */
@Singleton
public final class FriendLists {
    private static final Logger LOG = LoggerFactory.getLogger(FriendLists.class);

    private final RequestRepository requests;
    private final FriendshipRepository friendships;
    private final BlockRepository blocks;
    private final PresenceClient presence;
    private final PageLimits pages;

    FriendLists(RequestRepository requests, FriendshipRepository friendships,
                BlockRepository blocks, PresenceClient presence, PageLimits pages) {
        this.requests = requests;
        this.friendships = friendships;
        this.blocks = blocks;
        this.presence = presence;
        this.pages = pages;
    }

    /** Newest first. */
    Page<RequestView> requests(long me, Direction direction, int limit, String cursor) {
        int size = pages.size(limit);
        long before = Cursor.parse(cursor, Cursor.after(Long.MAX_VALUE)).id();
        List<RequestView> rows = direction == Direction.INCOMING
                ? requests.findIncoming(me, before, size + 1)
                : requests.findOutgoing(me, before, size + 1);
        return Page.of(rows, size, r -> Cursor.after(r.id()).encode());
    }

    Page<Friend> friends(long me, int limit, String cursor) {
        int size = pages.size(limit);
        long after = Cursor.parse(cursor, Cursor.START).id();
        Page<RelatedUser> page = Page.of(friendships.findPage(me, after, size + 1), size,
                f -> Cursor.after(f.userId()).encode());
        Set<Long> online = online(page.items().stream().map(RelatedUser::userId).toList());
        return page.map(f -> Friend.of(f, online.contains(f.userId())));
    }

    /** One friend of mine, as in my list. */
    Friend friend(long me, long friendId) {
        RelatedUser found = friendships.findOne(me, friendId).stream().findFirst()
                .orElseThrow(() -> new ParleyException(ErrorCode.USER_NOT_FOUND));
        return Friend.of(found, !online(List.of(friendId)).isEmpty());
    }

    Page<RelatedUser> blocked(long me, int limit, String cursor) {
        int size = pages.size(limit);
        long after = Cursor.parse(cursor, Cursor.START).id();
        return Page.of(blocks.findPage(me, after, size + 1), size,
                b -> Cursor.after(b.userId()).encode());
    }

    /** Up to {@code max} friend ids of {@code userId}, in id order. */
    public List<Long> friendIds(long userId, int max) {
        return friendships.findFriendIds(userId, max);
    }

    private Set<Long> online(List<Long> userIds) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        try {
            return presence.locate(userIds).stream().map(Connection::getUserId)
                    .collect(Collectors.toSet());
        } catch (ParleyException e) {
            LOG.warn("presence of {} friends unknown, shown offline: {}", userIds.size(),
                    e.getMessage());
            return Set.of();
        }
    }
}
