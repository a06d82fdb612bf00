package io.parley.contracts.error;

/**
 * Every error a client can see, over HTTP ({@code {code, message}}), in a WebSocket {@code error}
 * frame, or as a gRPC status between services. Codes are grouped by area (1xxx request, 2xxx auth,
 * 3xxx accounts, 5xxx messaging, 9xxx server). A name may change; a published code never does.
 * Every code is listed in docs/protocol.md.
 */
public enum ErrorCode {
    BAD_REQUEST(1000, 400, "The request is malformed"),
    VALIDATION_FAILED(1001, 400, "A field is missing or invalid"),
    MALFORMED_FRAME(1002, 400, "The frame is not valid JSON"),
    UNKNOWN_FRAME_TYPE(1003, 400, "Unknown frame type"),
    FRAME_TOO_LARGE(1004, 413, "The frame is over the size limit"),
    RATE_LIMITED(1005, 429, "Too many requests; slow down"),
    ROUTE_NOT_FOUND(1006, 404, "No such endpoint"),

    UNAUTHENTICATED(2001, 401, "A valid access token is required"),
    BAD_CREDENTIALS(2002, 401, "Phone or password is wrong"),
    FORBIDDEN(2003, 403, "Not allowed"),

    PHONE_TAKEN(3001, 409, "This phone number is already registered"),
    USER_NOT_FOUND(3002, 404, "No such user"),

    RECIPIENT_NOT_FOUND(5001, 404, "The recipient does not exist"),
    MESSAGE_TOO_LONG(5002, 413, "The message text is over the length limit"),
    SEND_TO_SELF(5003, 400, "A direct message needs another user as recipient"),

    INTERNAL(9001, 500, "Internal error"),
    UNAVAILABLE(9002, 503, "A backing service is unavailable; retry later");

    private final int code;
    private final int httpStatus;
    private final String defaultMessage;

    ErrorCode(int code, int httpStatus, String defaultMessage) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.defaultMessage = defaultMessage;
    }

    public int code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String defaultMessage() {
        return defaultMessage;
    }

    /** The code for a published number; {@link #INTERNAL} for one this build does not know. */
    public static ErrorCode ofCode(int code) {
        for (ErrorCode c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return INTERNAL;
    }
}
