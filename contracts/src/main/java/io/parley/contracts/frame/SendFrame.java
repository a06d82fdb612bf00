package io.parley.contracts.frame;

import io.micronaut.core.annotation.Nullable;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import io.parley.contracts.ids.ConversationIds;
import io.parley.contracts.ids.ImageIds;

/**
 * {@code {"type":"send","clientMsgId":"c-1","to":42,"text":"hi"}}: send a direct message, or
 * {@code {"type":"send","clientMsgId":"c-2","conversationId":"g_123","text":"hi"}}: send to a
 * group. A send names exactly one of the two: {@code to} is 0 for a group send,
 * {@code conversationId} null for a direct one. The client message id is the client's idempotency
 * key: a retry with the same id is acknowledged with the original message and never stored twice.
 * An image message names an upload in {@code imageId} (issue #14); its text is the caption and
 * may then be empty.
 */
public record SendFrame(String clientMsgId, long to, @Nullable String conversationId, String text,
                        @Nullable String imageId) implements ClientFrame {
    public static final int MAX_CLIENT_MSG_ID_LENGTH = 64;

    public SendFrame {
        if (clientMsgId == null || clientMsgId.isBlank()
                || clientMsgId.length() > MAX_CLIENT_MSG_ID_LENGTH) {
            throw new ParleyException(ErrorCode.VALIDATION_FAILED,
                    "clientMsgId is required (1-" + MAX_CLIENT_MSG_ID_LENGTH + " characters)");
        }
        if (conversationId != null) {
            if (to != 0) {
                throw new ParleyException(ErrorCode.VALIDATION_FAILED,
                        "a send has either to or conversationId, not both");
            }
            try {
                ConversationIds.groupIdOf(conversationId);
            } catch (IllegalArgumentException e) {
                throw new ParleyException(ErrorCode.VALIDATION_FAILED,
                        "conversationId must name a group (g_<groupId>)");
            }
        } else if (to <= 0) {
            throw new ParleyException(ErrorCode.VALIDATION_FAILED, "to must be a user id");
        }
        if (imageId != null && !ImageIds.isValid(imageId)) {
            throw new ParleyException(ErrorCode.VALIDATION_FAILED,
                    "imageId must be an image id (64 lowercase hex digits)");
        }
        if (text == null) {
            text = imageId == null ? null : "";
        }
        if (imageId == null && (text == null || text.isBlank())) {
            throw new ParleyException(ErrorCode.VALIDATION_FAILED, "text is required");
        }
    }

    /** A text message, direct ({@code conversationId} null) or to a group. */
    public SendFrame(String clientMsgId, long to, @Nullable String conversationId, String text) {
        this(clientMsgId, to, conversationId, text, null);
    }

    /** A direct message to user {@code to}. */
    public SendFrame(String clientMsgId, long to, String text) {
        this(clientMsgId, to, null, text);
    }

    /** A message to the group whose conversation is {@code conversationId} ({@code g_<id>}). */
    public static SendFrame toGroup(String clientMsgId, String conversationId, String text) {
        if (conversationId == null) {
            throw new ParleyException(ErrorCode.VALIDATION_FAILED, "conversationId is required");
        }
        return new SendFrame(clientMsgId, 0, conversationId, text);
    }

    public boolean isGroup() {
        return conversationId != null;
    }

    /** The group a group send goes to; 0 for a direct send. */
    public long groupId() {
        return conversationId == null ? 0 : ConversationIds.groupIdOf(conversationId);
    }
}
