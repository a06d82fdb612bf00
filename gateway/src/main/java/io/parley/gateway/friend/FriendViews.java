package io.parley.gateway.friend;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.parley.contracts.proto.BlockedUser;
import io.parley.contracts.proto.Friend;
import io.parley.contracts.proto.FriendRequest;

import static io.parley.gateway.auth.AccountView.orNull;

/** The JSON shapes of the friend endpoints (times are epoch milliseconds). */
final class FriendViews {
    private FriendViews() {
    }

    /** {@code POST /api/friends/requests {"toUserId": 2, "greeting": "hi"}}. */
    @Serdeable
    record RequestBody(@Nullable Long toUserId, @Nullable String greeting) {
    }

    /** {@code POST /api/blocks {"userId": 3}}. */
    @Serdeable
    record BlockBody(@Nullable Long userId) {
    }

    /** A request as sent or accepted. */
    @Serdeable
    record RequestView(long requestId, long fromUserId, long toUserId, String greeting,
                       String status, long createdAt) {
        static RequestView of(FriendRequest r) {
            return new RequestView(r.getRequestId(), r.getFromUserId(), r.getToUserId(),
                    r.getGreeting(), r.getStatus(), r.getCreatedAtMs());
        }
    }

    /** A pending request in my inbox or outbox, with the other user's name and avatar. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PendingView(long requestId, long fromUserId, long toUserId, String greeting,
                       String status, long createdAt, String displayName,
                       @Nullable String avatarUrl) {
        static PendingView of(FriendRequest r) {
            return new PendingView(r.getRequestId(), r.getFromUserId(), r.getToUserId(),
                    r.getGreeting(), r.getStatus(), r.getCreatedAtMs(), r.getOtherDisplayName(),
                    orNull(r.getOtherAvatarUrl()));
        }
    }

    /** {@code since}: when the friendship began. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record FriendView(long userId, String displayName, @Nullable String avatarUrl,
                      boolean online, long since) {
        static FriendView of(Friend f) {
            return new FriendView(f.getUserId(), f.getDisplayName(), orNull(f.getAvatarUrl()),
                    f.getOnline(), f.getSinceMs());
        }
    }

    /** {@code since}: when I blocked them. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record BlockedView(long userId, String displayName, @Nullable String avatarUrl, long since) {
        static BlockedView of(BlockedUser b) {
            return new BlockedView(b.getUserId(), b.getDisplayName(), orNull(b.getAvatarUrl()),
                    b.getSinceMs());
        }
    }
}
