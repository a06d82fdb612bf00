package io.parley.logic.conversation;

import io.parley.contracts.ids.ConversationIds;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Creates direct conversations (and their two members) on first use. Runs outside the message
 * transaction, statement by statement: creating the row inside it would let two first messages
 * of the same pair deadlock on the insert's locks. Ids already known to exist are remembered
 * (direct conversations are never deleted), so the usual cost is nothing.
 */
@Singleton
public final class DirectConversations {
    private static final int REMEMBERED = 100_000;

    private final ConversationRepository conversations;
    private final Clock clock;
    private final Set<String> known = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED;
                }
            }));

    DirectConversations(ConversationRepository conversations, Clock clock) {
        this.conversations = conversations;
        this.clock = clock;
    }

    /** The id of the direct conversation of {@code a} and {@code b}, created if absent. */
    public String ensure(long a, long b) {
        String id = ConversationIds.direct(a, b);
        if (!known.contains(id)) {
            var now = clock.instant();
            conversations.insertIfAbsent(id, Conversation.DIRECT, now);
            conversations.addMemberIfAbsent(id, a, now);
            conversations.addMemberIfAbsent(id, b, now);
            known.add(id);
        }
        return id;
    }
}
