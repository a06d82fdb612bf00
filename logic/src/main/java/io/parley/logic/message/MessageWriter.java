package io.parley.logic.message;

import io.parley.logic.conversation.ConversationSeq;
import io.parley.logic.ids.SnowflakeIds;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Instant;

/** The one transaction of a send: next seq (row lock), id, insert. Commit releases the seq. */
@Singleton
class MessageWriter {
    private final MessageRepository messages;
    private final ConversationSeq seqs;
    private final SnowflakeIds ids;

    MessageWriter(MessageRepository messages, ConversationSeq seqs, SnowflakeIds ids) {
        this.messages = messages;
        this.seqs = seqs;
        this.ids = ids;
    }

    @Transactional
    Message insert(String conversationId, long senderId, Long recipientId, String clientMsgId,
                   String text, Instant at) {
        long seq = seqs.next(conversationId, at);
        return messages.save(new Message(ids.next(), conversationId, seq, senderId, recipientId,
                clientMsgId, text, at));
    }
}
