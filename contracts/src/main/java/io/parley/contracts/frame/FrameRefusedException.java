package io.parley.contracts.frame;

import io.micronaut.core.annotation.Nullable;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;

/**
 * A client frame that is a JSON object but not a valid frame, with the {@code clientMsgId} it
 * named (when it named one that is a string), so the {@code error} frame can name the send it
 * refuses.
 */
public final class FrameRefusedException extends ParleyException {
    private final String clientMsgId;

    public FrameRefusedException(ErrorCode error, String message, @Nullable String clientMsgId) {
        super(error, message);
        this.clientMsgId = clientMsgId;
    }

    @Nullable
    public String clientMsgId() {
        return clientMsgId;
    }
}
