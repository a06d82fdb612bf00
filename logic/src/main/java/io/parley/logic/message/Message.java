package io.parley.logic.message;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.parley.contracts.proto.ChatMessage;

import java.time.Instant;

/** A row of {@code messages}: persisted, with its Snowflake id and conversation seq. */
@MappedEntity("messages")
public record Message(@Id Long id,
                      String conversationId,
                      long seq,
                      long senderId,
                      @Nullable Long recipientId,
                      String clientMsgId,
                      String body,
                      Instant createdAt) {

    public ChatMessage toProto() {
        return ChatMessage.newBuilder()
                .setMessageId(id)
                .setConversationId(conversationId)
                .setSeq(seq)
                .setSenderId(senderId)
                .setRecipientId(recipientId == null ? 0 : recipientId)
                .setText(body)
                .setSentAtMs(createdAt.toEpochMilli())
                .setClientMsgId(clientMsgId)
                .build();
    }
}
