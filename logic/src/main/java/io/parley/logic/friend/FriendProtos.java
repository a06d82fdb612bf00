package io.parley.logic.friend;

import io.parley.contracts.proto.BlockedUser;
import io.parley.logic.page.Page;

/** The social graph's records as the messages of {@code friend.proto}. */
final class FriendProtos {
    private FriendProtos() {
    }

    /** The accepted or stored request of a send; its other user's name is not needed there. */
    static io.parley.contracts.proto.FriendRequest request(FriendRequest r) {
        return io.parley.contracts.proto.FriendRequest.newBuilder()
                .setRequestId(r.id())
                .setFromUserId(r.fromUser())
                .setToUserId(r.toUser())
                .setGreeting(r.greeting())
                .setStatus(r.status())
                .setCreatedAtMs(r.createdAt().toEpochMilli())
                .build();
    }

    static io.parley.contracts.proto.FriendRequest request(RequestView r) {
        return request(new FriendRequest(r.id(), r.fromUser(), r.toUser(), r.greeting(),
                r.status(), r.createdAt(), r.createdAt())).toBuilder()
                .setOtherDisplayName(r.otherName())
                .setOtherAvatarUrl(orEmpty(r.otherAvatarUrl()))
                .build();
    }

    static io.parley.contracts.proto.Friend friend(Friend f) {
        return io.parley.contracts.proto.Friend.newBuilder()
                .setUserId(f.userId())
                .setDisplayName(f.displayName())
                .setAvatarUrl(orEmpty(f.avatarUrl()))
                .setOnline(f.online())
                .setSinceMs(f.since().toEpochMilli())
                .build();
    }

    static BlockedUser blocked(RelatedUser u) {
        return BlockedUser.newBuilder()
                .setUserId(u.userId())
                .setDisplayName(u.displayName())
                .setAvatarUrl(orEmpty(u.avatarUrl()))
                .setSinceMs(u.since().toEpochMilli())
                .build();
    }

    static String cursor(Page<?> page) {
        return orEmpty(page.nextCursor());
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
