package io.parley.gateway.controls;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.parley.contracts.proto.ChatMessage;

/** JSON shapes of the mute and recall endpoints. */
final class ControlsViews {
    private ControlsViews() {
    }

    @Serdeable
    record MuteBody(@Nullable Boolean muted) {
    }

    @Serdeable
    record MuteState(String conversationId, boolean muted) {
    }

    /** The tombstone of a recalled message: its place in the sequence, no text. */
    @Serdeable
    record Tombstone(String messageId, String conversationId, long seq, long from,
                     long recalledAt) {
        static Tombstone of(ChatMessage m) {
            return new Tombstone(Long.toString(m.getMessageId()), m.getConversationId(),
                    m.getSeq(), m.getSenderId(), m.getRecalledAtMs());
        }
    }
}
