package io.parley.logic.conversation;

import io.parley.contracts.ids.ConversationIds;
import jakarta.inject.Singleton;

import java.time.Instant;

/**
 * Allocates a conversation's next seq. Must run inside the transaction that inserts the message:
 * the increment holds the conversation row's lock until that transaction commits, so concurrent
 * writers queue, and a rollback gives the seq back. Hence seqs are strictly increasing and
 * gapless, whatever crashes, with no cache to lose. A direct conversation is created (with its two
 * members) by its first message.
 */
@Singleton
public final class ConversationSeq {
    private final ConversationRepository conversations;

    ConversationSeq(ConversationRepository conversations) {
        this.conversations = conversations;
    }

    public long nextDirect(long sender, long recipient, Instant at) {
        String id = ConversationIds.direct(sender, recipient);
        if (conversations.incrementSeq(id, at) == 0) {
            conversations.insertIfAbsent(id, Conversation.DIRECT, at);
            conversations.addMemberIfAbsent(id, sender, at);
            conversations.addMemberIfAbsent(id, recipient, at);
            conversations.incrementSeq(id, at);
        }
        return conversations.findLastSeq(id);
    }
}
