package io.parley.logic.conversation;

import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import jakarta.inject.Singleton;

import java.time.Instant;

/**
 * Allocates a conversation's next seq. Must run inside the transaction that inserts the message:
 * the increment holds the conversation row's lock until that transaction commits, so concurrent
 * writers queue, and a rollback gives the seq back. Hence seqs are strictly increasing and
 * gapless whatever crashes, with no counter in a cache to lose.
 */
@Singleton
public final class ConversationSeq {
    private final ConversationRepository conversations;

    ConversationSeq(ConversationRepository conversations) {
        this.conversations = conversations;
    }

    /** Moves the sender's read cursor to their own message, in the same transaction. */
    public void sentBy(String conversationId, long senderId, long seq) {
        conversations.readUpTo(conversationId, senderId, seq);
    }

    public long next(String conversationId, Instant at) {
        if (conversations.incrementSeq(conversationId, at) == 0) {
            throw new ParleyException(ErrorCode.INTERNAL, "no conversation " + conversationId);
        }
        return conversations.findLastSeq(conversationId);
    }
}
