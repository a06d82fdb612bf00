package io.parley.logic.message;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.parley.contracts.proto.ChatMessage;
import io.parley.contracts.proto.ImageRef;
import io.parley.logic.image.ImageColumn;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * A row of {@code messages}: persisted, with its Snowflake id and conversation seq. {@code image}
 * is the image of an image message as {@link ImageColumn} writes it, null for text.
 */
@MappedEntity("messages")
public record Message(@Id Long id,
                      String conversationId,
                      long seq,
                      long senderId,
                      @Nullable Long recipientId,
                      String clientMsgId,
                      String body,
                      Instant createdAt,
                      @Nullable String image) {

    /** The columns {@link #read} reads, in a SELECT of {@code messages}. */
    static final String COLUMNS = "id, conversation_id, seq, sender_id, recipient_id, "
            + "client_msg_id, body, created_at, image";

    /** The current row of a SELECT of {@link #COLUMNS}. */
    static Message read(ResultSet rs) throws SQLException {
        long recipient = rs.getLong("recipient_id");
        Long recipientId = rs.wasNull() ? null : recipient;
        return new Message(rs.getLong("id"), rs.getString("conversation_id"), rs.getLong("seq"),
                rs.getLong("sender_id"), recipientId, rs.getString("client_msg_id"),
                rs.getString("body"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("image"));
    }

    /** The id of the image of an image message; null for text. */
    @Nullable String imageId() {
        ImageRef ref = ImageColumn.decode(image);
        return ref == null ? null : ref.getImageId();
    }

    public ChatMessage toProto() {
        ChatMessage.Builder b = ChatMessage.newBuilder()
                .setMessageId(id)
                .setConversationId(conversationId)
                .setSeq(seq)
                .setSenderId(senderId)
                .setRecipientId(recipientId == null ? 0 : recipientId)
                .setText(body)
                .setSentAtMs(createdAt.toEpochMilli())
                .setClientMsgId(clientMsgId);
        ImageRef ref = ImageColumn.decode(image);
        if (ref != null) {
            b.setImage(ref);
        }
        return b.build();
    }
}
