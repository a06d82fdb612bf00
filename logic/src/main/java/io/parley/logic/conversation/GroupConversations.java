package io.parley.logic.conversation;

import io.parley.contracts.ids.ConversationIds;
import jakarta.inject.Singleton;

import java.time.Instant;

/**
 * The conversation of a group, {@code g_<groupId>}, and its members, kept in step with the group's
 * members (read cursors will live on those rows). Called inside the transaction that changes the
 * group's membership, so both tables change together or not at all.
 */
@Singleton
public final class GroupConversations {
    private final ConversationRepository conversations;

    GroupConversations(ConversationRepository conversations) {
        this.conversations = conversations;
    }

    public void create(long groupId, Instant at) {
        conversations.insertIfAbsent(ConversationIds.group(groupId), Conversation.GROUP, at);
    }

    public void addMember(long groupId, long userId, Instant at) {
        conversations.addMemberIfAbsent(ConversationIds.group(groupId), userId, at);
    }

    public void removeMember(long groupId, long userId) {
        conversations.removeMember(ConversationIds.group(groupId), userId);
    }

    public void removeAllMembers(long groupId) {
        conversations.removeAllMembers(ConversationIds.group(groupId));
    }
}
