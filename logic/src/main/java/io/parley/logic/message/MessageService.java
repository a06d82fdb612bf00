package io.parley.logic.message;

import io.micronaut.data.exceptions.DataAccessException;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import io.parley.logic.conversation.DirectConversations;
import io.parley.logic.friend.ChatPermission;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Makes a send durable. A retried send (same sender and client message id) returns the stored
 * message instead of writing a second one, also when the retry races the original: the unique
 * key refuses the second insert and the stored row is returned.
 */
@Singleton
public final class MessageService {
    private final MessageRepository messages;
    private final MessageWriter writer;
    private final DirectConversations directs;
    private final ChatPermission permission;
    private final Clock clock;

    MessageService(MessageRepository messages, MessageWriter writer, DirectConversations directs,
                   ChatPermission permission, Clock clock) {
        this.messages = messages;
        this.writer = writer;
        this.directs = directs;
        this.permission = permission;
        this.clock = clock;
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
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        try {
            return new Persisted(writer.insert(conversationId, senderId, recipientId, clientMsgId,
                    text, now), false);
        } catch (DataAccessException e) {
            return messages.findBySenderIdAndClientMsgId(senderId, clientMsgId)
                    .map(m -> new Persisted(m, true))
                    .orElseThrow(() -> e);
        }
    }
}
