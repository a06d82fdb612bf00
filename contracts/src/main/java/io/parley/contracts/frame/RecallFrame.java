package io.parley.contracts.frame;

import io.micronaut.serde.annotation.Serdeable;
import io.parley.contracts.proto.ChatMessage;

/**
 * A message was recalled by its sender: show its tombstone. Pushed to every online device of
 * every member of the conversation (issue #12); {@code recalledAt} in epoch milliseconds.
 */
@Serdeable
public record RecallFrame(String conversationId, long seq, String messageId, long from,
                          long recalledAt) implements ServerFrame {

    /** The frame of a tombstone. */
    public static RecallFrame of(ChatMessage tombstone) {
        return new RecallFrame(tombstone.getConversationId(), tombstone.getSeq(),
                Long.toString(tombstone.getMessageId()), tombstone.getSenderId(),
                tombstone.getRecalledAtMs());
    }
}
