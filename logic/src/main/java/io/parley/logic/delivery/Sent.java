package io.parley.logic.delivery;

import io.parley.contracts.error.ParleyException;
import io.parley.contracts.proto.Envelope;
import io.parley.logic.message.Message;

import java.util.List;
import java.util.Set;

/**
 * One upstream send of a batch, decided: stored ({@code message} and its {@code audience}) or
 * refused ({@code refusal}). {@code mutedMembers}: the members who had muted a stored message's
 * conversation as its transaction read them, or {@code null} when it did not (then
 * {@link LiveAudience} reads them).
 */
public record Sent(Envelope upstream, Message message, List<Long> audience,
                   ParleyException refusal, Set<Long> mutedMembers) {
    public Sent {
        audience = List.copyOf(audience);
        mutedMembers = mutedMembers == null ? null : Set.copyOf(mutedMembers);
        if ((message == null) == (refusal == null)) {
            throw new IllegalArgumentException("exactly one of message and refusal");
        }
    }
}
