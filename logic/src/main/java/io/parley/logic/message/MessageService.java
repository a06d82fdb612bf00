package io.parley.logic.message;

import io.micronaut.data.exceptions.DataAccessException;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import io.parley.contracts.ids.ConversationIds;
import io.parley.logic.conversation.DirectConversations;
import io.parley.logic.friend.ChatPermission;
import io.parley.logic.group.GroupMemberCache;
import io.parley.logic.group.MemberList;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * Makes a send durable: a direct message between two users, or a group message from a member of
 * the group. A retried send (same sender and client message id) returns the stored
 * message instead of writing a second one, also when the retry races the original: the unique
 * key refuses the second insert and the stored row is returned.
 */
@Singleton
public final class MessageService {
    private final MessageRepository messages;
    private final MessageWriter writer;
    private final DirectConversations directs;
    private final ChatPermission permission;
    private final GroupMemberCache groups;

    MessageService(MessageRepository messages, MessageWriter writer, DirectConversations directs,
                   ChatPermission permission, GroupMemberCache groups) {
        this.messages = messages;
        this.writer = writer;
        this.directs = directs;
        this.permission = permission;
        this.groups = groups;
    }

    public Persisted persistDirect(long senderId, long recipientId, String clientMsgId,
                                   String text) {
        Optional<Message> earlier = messages.findBySenderIdAndClientMsgId(senderId, clientMsgId);
        if (earlier.isPresent()) {
            return new Persisted(earlier.get(), true);
        }
        if (senderId == recipientId) {
            throw new ParleyException(ErrorCode.SEND_TO_SELF);
        }
        permission.requireDirect(senderId, recipientId);
        String conversationId = directs.ensure(senderId, recipientId);
        return store(conversationId, senderId, recipientId, clientMsgId, text);
    }

    /**
     * A message to group {@code groupId} ({@code g_<groupId>}) from one of its members; 4102 for
     * anyone else, 4101 when there is no such group. Membership is read from the cached member
     * list, which is also the message's audience.
     */
    public Persisted persistGroup(long senderId, long groupId, String clientMsgId, String text) {
        MemberList members = groups.members(groupId);
        Optional<Message> earlier = messages.findBySenderIdAndClientMsgId(senderId, clientMsgId);
        if (earlier.isPresent()) {
            return new Persisted(earlier.get(), true, members.userIds());
        }
        if (members.isEmpty()) {
            throw new ParleyException(ErrorCode.GROUP_NOT_FOUND);
        }
        if (!members.contains(senderId)) {
            throw new ParleyException(ErrorCode.NOT_GROUP_MEMBER);
        }
        Persisted stored = store(ConversationIds.group(groupId), senderId, null, clientMsgId,
                text);
        return new Persisted(stored.message(), stored.duplicate(), members.userIds());
    }

    /** Inserts the message; a concurrent retry that won the unique key returns its row instead. */
    private Persisted store(String conversationId, long senderId, Long recipientId,
                            String clientMsgId, String text) {
        try {
            return new Persisted(writer.insert(conversationId, senderId, recipientId, clientMsgId,
                    text), false);
        } catch (DataAccessException e) {
            return messages.findBySenderIdAndClientMsgId(senderId, clientMsgId)
                    .map(m -> new Persisted(m, true))
                    .orElseThrow(() -> e);
        }
    }
}
