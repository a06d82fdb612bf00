package io.parley.logic.message;

import io.parley.logic.conversation.ConversationSeq;
import io.parley.logic.ids.SnowflakeIds;
import io.parley.logic.inbox.InboxAppend;
import io.parley.logic.mention.Mentions;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The one transaction of a send: next seq (row lock), id, insert. Commit releases the seq. The
 * message is stamped here, next to its seq.
 */
@Singleton
class MessageWriter {
    private final MessageRepository messages;
    private final ConversationSeq seqs;
    private final SnowflakeIds ids;
    private final Clock clock;
    private final InboxAppend inbox;
    private final Mentions mentions;

    MessageWriter(MessageRepository messages, ConversationSeq seqs, SnowflakeIds ids, Clock clock,
                  InboxAppend inbox, Mentions mentions) {
        this.messages = messages;
        this.seqs = seqs;
        this.ids = ids;
        this.clock = clock;
        this.inbox = inbox;
        this.mentions = mentions;
    }

    @Transactional
    Message insert(String conversationId, long senderId, Long recipientId, String clientMsgId,
                   String text) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        long seq = seqs.next(conversationId, at);
        seqs.sentBy(conversationId, senderId, seq);
        Message saved = messages.save(new Message(ids.next(), conversationId, seq, senderId,
                recipientId, clientMsgId, text, at));
        inbox.append(saved.toProto());
        mentions.record(saved.toProto());
        return saved;
    }
}
