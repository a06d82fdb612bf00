package io.parley.logic.message;

import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import io.parley.contracts.ids.ConversationIds;
import io.parley.logic.account.AccountService;
import io.parley.logic.conversation.ConversationSeq;
import io.parley.logic.ids.SnowflakeIds;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Makes a send durable: one transaction assigns the Snowflake id and the conversation's next seq
 * and inserts the row. A retried send (same sender and client message id) returns the stored
 * message instead of writing a second one.
 */
@Singleton
public class MessageService {
    private final MessageRepository messages;
    private final ConversationSeq seqs;
    private final AccountService accounts;
    private final SnowflakeIds ids;
    private final Clock clock;

    MessageService(MessageRepository messages, ConversationSeq seqs, AccountService accounts,
                   SnowflakeIds ids, Clock clock) {
        this.messages = messages;
        this.seqs = seqs;
        this.accounts = accounts;
        this.ids = ids;
        this.clock = clock;
    }

    @Transactional
    public Persisted persistDirect(long senderId, long recipientId, String clientMsgId,
                                   String text) {
        Optional<Message> earlier = messages.findBySenderIdAndClientMsgId(senderId, clientMsgId);
        if (earlier.isPresent()) {
            return new Persisted(earlier.get(), true);
        }
        if (senderId == recipientId) {
            throw new ParleyException(ErrorCode.SEND_TO_SELF);
        }
        if (!accounts.exists(recipientId)) {
            throw new ParleyException(ErrorCode.RECIPIENT_NOT_FOUND);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        long seq = seqs.nextDirect(senderId, recipientId, now);
        Message message = new Message(ids.next(), ConversationIds.direct(senderId, recipientId),
                seq, senderId, recipientId, clientMsgId, text, now);
        return new Persisted(messages.save(message), false);
    }
}
