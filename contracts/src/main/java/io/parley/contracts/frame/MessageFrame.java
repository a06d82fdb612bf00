package io.parley.contracts.frame;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.parley.contracts.proto.ChatMessage;

/**
 * A persisted message pushed to a member's socket. {@code seq} is gapless per conversation;
 * {@code to} is the recipient of a direct message and 0 in a group ({@code conversationId}
 * {@code g_<groupId>}). {@code image} is set on an image message (its text is then the caption,
 * possibly empty) and null on a text message or a recalled one.
 */
@Serdeable
public record MessageFrame(String messageId, String conversationId, long seq, long from, long to,
                           String text, long sentAt, String clientMsgId,
                           @Nullable MessageImage image) implements ServerFrame {

    /** A text message. */
    public MessageFrame(String messageId, String conversationId, long seq, long from, long to,
                        String text, long sentAt, String clientMsgId) {
        this(messageId, conversationId, seq, from, to, text, sentAt, clientMsgId, null);
    }

    public static MessageFrame of(ChatMessage m) {
        return new MessageFrame(Long.toString(m.getMessageId()), m.getConversationId(), m.getSeq(),
                m.getSenderId(), m.getRecipientId(), m.getText(), m.getSentAtMs(),
                m.getClientMsgId(), m.hasImage() ? MessageImage.of(m.getImage()) : null);
    }
}
