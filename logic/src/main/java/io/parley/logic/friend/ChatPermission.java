package io.parley.logic.friend;

import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import jakarta.inject.Singleton;

/**
 * Who may send a direct message to whom: the recipient must exist, neither may have blocked the
 * other (4003, whoever blocked), and, when {@code im.logic.chat.direct-requires-friendship} is
 * on, they must be friends (4005). One query per send.
 */
@Singleton
public final class ChatPermission {
    private final FriendshipRepository friendships;
    private final ChatSettings settings;

    ChatPermission(FriendshipRepository friendships, ChatSettings settings) {
        this.friendships = friendships;
        this.settings = settings;
    }

    public void requireDirect(long sender, long recipient) {
        Standing standing = friendships.standing(sender, recipient);
        if (!standing.recipientExists()) {
            throw new ParleyException(ErrorCode.RECIPIENT_NOT_FOUND);
        }
        if (standing.blocked()) {
            throw new ParleyException(ErrorCode.BLOCKED);
        }
        if (settings.directRequiresFriendship() && !standing.friends()) {
            throw new ParleyException(ErrorCode.NOT_FRIENDS);
        }
    }
}
