package io.parley.contracts.frame;

import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;

/**
 * {@code {"type":"received","conversationId":"d_1_2","seq":17}}: the client has every pushed
 * message of the conversation up to {@code seq} (cumulative, like a TCP ack). Messages not
 * confirmed this way are pushed again with backoff.
 */
public record ReceivedFrame(String conversationId, long seq) implements ClientFrame {
    public ReceivedFrame {
        if (conversationId == null || conversationId.isBlank() || conversationId.length() > 48) {
            throw new ParleyException(ErrorCode.VALIDATION_FAILED, "conversationId is required");
        }
        if (seq <= 0) {
            throw new ParleyException(ErrorCode.VALIDATION_FAILED, "seq must be positive");
        }
    }
}
