package io.parley.contracts.frame;

import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code userId} has read {@code conversationId} up to {@code seq}: on the reader's other
 * devices it clears the unread count, on a direct peer's it is the read receipt.
 */
@Serdeable
public record ReadFrame(String conversationId, long userId, long seq) implements ServerFrame {
}
