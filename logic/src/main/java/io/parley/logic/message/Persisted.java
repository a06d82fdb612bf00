package io.parley.logic.message;

import java.util.List;

/**
 * The outcome of persisting a send.
 *
 * @param duplicate true when the client had sent this client message id before: the message is
 *                  the one stored then, and nothing new was written
 * @param audience  the users whose connections receive the message: both members of a direct
 *                  conversation, every member of a group
 */
public record Persisted(Message message, boolean duplicate, List<Long> audience) {
    public Persisted {
        audience = List.copyOf(audience);
    }

    /** A direct message: its audience is its sender and its recipient. */
    public Persisted(Message message, boolean duplicate) {
        this(message, duplicate, message.recipientId() == null
                ? List.of(message.senderId())
                : List.of(message.recipientId(), message.senderId()));
    }
}
