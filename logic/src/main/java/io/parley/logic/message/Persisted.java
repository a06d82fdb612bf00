package io.parley.logic.message;

import java.util.List;
import java.util.Set;

/**
 * The outcome of persisting a send.
 *
 * @param duplicate true when the client had sent this client message id before: the message is
 *                  the one stored then, and nothing new was written
 * @param audience  the users whose connections receive the message: both members of a direct
 *                  conversation, every member of a group
 * @param mutedMembers the members who had muted the conversation, as the message's transaction
 *                  read them, or {@code null} when it did not (a large group, a retry)
 */
public record Persisted(Message message, boolean duplicate, List<Long> audience,
                        Set<Long> mutedMembers) {
    public Persisted {
        audience = List.copyOf(audience);
        mutedMembers = mutedMembers == null ? null : Set.copyOf(mutedMembers);
    }

    /** Whose mute is not known yet: the fan-out reads it. */
    public Persisted(Message message, boolean duplicate, List<Long> audience) {
        this(message, duplicate, audience, null);
    }

    /**
     * The same, with the members who muted its conversation as its transaction read them
     * ({@code null}: not read there, the fan-out reads them).
     */
    Persisted withMutedMembers(Set<Long> muted) {
        return new Persisted(message, duplicate, audience, muted);
    }

    /** A direct message: its audience is its sender and its recipient. */
    public Persisted(Message message, boolean duplicate) {
        this(message, duplicate, message.recipientId() == null
                ? List.of(message.senderId())
                : List.of(message.recipientId(), message.senderId()));
    }
}
