package io.parley.contracts.frame;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.parley.contracts.error.ErrorCode;

/**
 * A refused frame. The socket stays open; {@code clientMsgId} names the send it answers, when the
 * refused frame had one.
 */
@Serdeable
public record ErrorFrame(int code, String message, @Nullable String clientMsgId)
        implements ServerFrame {

    public static ErrorFrame of(ErrorCode error, String message, @Nullable String clientMsgId) {
        return new ErrorFrame(error.code(), message, clientMsgId);
    }
}
