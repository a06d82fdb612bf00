package io.parley.logic.message;

import io.micronaut.core.annotation.Nullable;

import java.util.Objects;

/**
 * A send to persist: to a user ({@code recipientId}) or to a group ({@code groupId} not 0).
 * ({@code senderId}, {@code clientMsgId}) is the client's idempotency key. {@code imageId} names
 * the uploaded image of an image message (issue #14), whose text is then its caption.
 */
public record Send(long senderId, long recipientId, long groupId, String clientMsgId,
                   String text, @Nullable String imageId) {
    public Send {
        imageId = imageId == null || imageId.isEmpty() ? null : imageId;
    }

    public static Send direct(long senderId, long recipientId, String clientMsgId, String text) {
        return new Send(senderId, recipientId, 0, clientMsgId, text, null);
    }

    public static Send group(long senderId, long groupId, String clientMsgId, String text) {
        return new Send(senderId, 0, groupId, clientMsgId, text, null);
    }

    public boolean toGroup() {
        return groupId != 0;
    }

    ClientKey key() {
        return new ClientKey(senderId, clientMsgId);
    }

    /** True when {@code other} has the same key and says the same thing to the same place. */
    boolean sameAs(Send other) {
        return senderId == other.senderId && recipientId == other.recipientId
                && groupId == other.groupId && clientMsgId.equals(other.clientMsgId)
                && text.equals(other.text) && Objects.equals(imageId, other.imageId);
    }
}
