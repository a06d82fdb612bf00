package io.parley.contracts.frame;

import io.micronaut.serde.annotation.Serdeable;

/** A persisted message pushed to a member's socket. {@code seq} is gapless per conversation. */
@Serdeable
public record MessageFrame(String messageId, String conversationId, long seq, long from, long to,
                           String text, long sentAt, String clientMsgId) implements ServerFrame {
}
