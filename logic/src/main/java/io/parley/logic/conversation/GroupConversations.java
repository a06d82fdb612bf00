package io.parley.logic.conversation;

import io.parley.contracts.ids.ConversationIds;
import jakarta.inject.Singleton;

import java.time.Instant;

/**
 * The conversation of a group, {@code g_<groupId>}, and its members, kept in step with the group's
 * members (read cursors live on those rows). Called inside the transaction that changes the
 * group's membership, so both tables change together or not at all. With
 * {@code im.logic.group.history-from-join} a member joins at the conversation's last seq
 * ({@code joined_seq}): history, sync and unread start after it.
 */
@Singleton
public final class GroupConversations {
    private final ConversationRepository conversations;
    private final HistorySettings history;

    GroupConversations(ConversationRepository conversations, HistorySettings history) {
        this.conversations = conversations;
        this.history = history;
    }

    public void create(long groupId, Instant at) {
        conversations.insertIfAbsent(ConversationIds.group(groupId), Conversation.GROUP, at);
    }

    public void addMember(long groupId, long userId, Instant at) {
        if (history.historyFromJoin()) {
            conversations.addMemberFromNow(ConversationIds.group(groupId), userId, at);
        } else {
            conversations.addMemberIfAbsent(ConversationIds.group(groupId), userId, at);
        }
    }

    public void removeMember(long groupId, long userId) {
        conversations.removeMember(ConversationIds.group(groupId), userId);
    }

    public void removeAllMembers(long groupId) {
        conversations.removeAllMembers(ConversationIds.group(groupId));
    }
}
