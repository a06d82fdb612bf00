package io.parley.logic.message;

import io.micronaut.core.annotation.Nullable;
import io.parley.contracts.proto.ImageRef;

/** A message about to be written, before it has an id and seq; {@code image} on an image one. */
record Draft(String conversationId, long senderId, Long recipientId, String clientMsgId,
             String text, @Nullable ImageRef image) {
    ClientKey key() {
        return new ClientKey(senderId, clientMsgId);
    }
}
