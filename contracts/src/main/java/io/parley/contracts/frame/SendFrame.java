package io.parley.contracts.frame;

import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;

/**
 * {@code {"type":"send","clientMsgId":"c-1","to":42,"text":"hi"}}: send a direct message. The
 * client message id is the client's idempotency key: a retry with the same id is acknowledged with
 * the original message and never stored twice.
 */
public record SendFrame(String clientMsgId, long to, String text) implements ClientFrame {
    public static final int MAX_CLIENT_MSG_ID_LENGTH = 64;

    public SendFrame {
        if (clientMsgId == null || clientMsgId.isBlank()
                || clientMsgId.length() > MAX_CLIENT_MSG_ID_LENGTH) {
            throw new ParleyException(ErrorCode.VALIDATION_FAILED,
                    "clientMsgId is required (1-" + MAX_CLIENT_MSG_ID_LENGTH + " characters)");
        }
        if (to <= 0) {
            throw new ParleyException(ErrorCode.VALIDATION_FAILED, "to must be a user id");
        }
        if (text == null || text.isBlank()) {
            throw new ParleyException(ErrorCode.VALIDATION_FAILED, "text is required");
        }
    }
}
