package io.parley.contracts.frame;

import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code {"type":"typing","conversationId":"d_1_2","userId":1}}: {@code userId} is typing in
 * the conversation. Ephemeral: a client shows it for a few seconds unless another arrives, and
 * drops it when a message from that user arrives.
 */
@Serdeable
public record PeerTypingFrame(String conversationId, long userId) implements ServerFrame {
}
