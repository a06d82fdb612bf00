package io.parley.contracts.error;

/**
 * Every error a client can see, over HTTP ({@code {code, message}}), in a WebSocket {@code error}
 * frame, or as a gRPC status between services. Codes are grouped by area (1xxx request, 2xxx auth,
 * 3xxx accounts, 40xx friends, 41xx groups, 5xxx messaging, 9xxx server). A name may change; a published code never does.
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
    PAGE_TOO_LARGE(1007, 400, "The page size is over the maximum"),

    UNAUTHENTICATED(2001, 401, "A valid access token is required"),
    BAD_CREDENTIALS(2002, 401, "Phone or password is wrong"),
    FORBIDDEN(2003, 403, "Not allowed"),
    REFRESH_TOKEN_INVALID(2004, 401, "The refresh token is unknown, expired or revoked"),
    REFRESH_TOKEN_REUSED(2005, 401, "The refresh token was already used; sign in again"),

    PHONE_TAKEN(3001, 409, "This phone number is already registered"),
    USER_NOT_FOUND(3002, 404, "No such user"),

    FRIEND_REQUEST_TO_SELF(4001, 400, "You cannot befriend yourself"),
    ALREADY_FRIENDS(4002, 409, "You are already friends"),
    BLOCKED(4003, 403, "You cannot contact this user"),
    FRIEND_REQUEST_NOT_FOUND(4004, 404, "No such pending friend request"),
    NOT_FRIENDS(4005, 403, "Direct messages need a friendship"),

    GROUP_NOT_FOUND(4101, 404, "No such group"),
    NOT_GROUP_MEMBER(4102, 403, "You are not a member of this group"),
    GROUP_FULL(4103, 409, "The group is full"),
    NOT_GROUP_ADMIN(4104, 403, "Only the owner or an admin may do this"),
    ALREADY_GROUP_MEMBER(4105, 409, "Already a member of this group"),
    GROUP_JOIN_NOT_ALLOWED(4106, 403, "This group is joined by invitation only"),
    OWNER_MUST_TRANSFER(4107, 409, "The owner must transfer ownership first"),
    GROUP_APPLICATION_NOT_FOUND(4108, 404, "No such pending application"),

    RECIPIENT_NOT_FOUND(5001, 404, "The recipient does not exist"),
    MESSAGE_TOO_LONG(5002, 413, "The message text is over the length limit"),
    SEND_TO_SELF(5003, 400, "A direct message needs another user as recipient"),
    NOT_CONVERSATION_MEMBER(5004, 403, "You are not a member of this conversation"),

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
