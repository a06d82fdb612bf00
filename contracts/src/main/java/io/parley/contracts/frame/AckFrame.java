package io.parley.contracts.frame;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The server's acknowledgement of a {@code send}: sent only once the message is persisted in
 * MySQL, carrying the id and per-conversation seq every recipient sees.
 */
@Serdeable
public record AckFrame(String clientMsgId, String messageId, String conversationId, long seq,
                       long sentAt) implements ServerFrame {
}
