package io.parley.contracts.error;

/**
 * Every error a client can see, over HTTP ({@code {code, message}}), in a WebSocket {@code error}
 * frame, or as a gRPC status between services. Codes are grouped by area (1xxx request, 2xxx auth,
 * 3xxx accounts, 40xx friends, 41xx groups, 5xxx messaging, 6xxx images, 9xxx server). A name may change; a published code never does.
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
    METHOD_NOT_ALLOWED(1008, 405, "This endpoint does not take this HTTP method"),
    BODY_TOO_LARGE(1009, 413, "The request body is over the size limit"),
    URL_TOO_LONG(1010, 414, "The request URL is over the length limit"),
    HEADERS_TOO_LARGE(1011, 431, "The request headers are over the size limit"),
    UNSUPPORTED_MEDIA_TYPE(1012, 415, "This endpoint does not take this content type"),
    NOT_ACCEPTABLE(1013, 406, "This endpoint cannot answer in an accepted content type"),
    MALFORMED_URL(1014, 400, "The request URL or one of its headers cannot be decoded"),
    PASSWORD_TOO_LONG(1015, 400, "The password is over 72 bytes (UTF-8)"),

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
    INVITE_CODE_INVALID(4120, 404, "This invite link is unknown, expired, used up or revoked"),

    RECIPIENT_NOT_FOUND(5001, 404, "The recipient does not exist"),
    MESSAGE_TOO_LONG(5002, 413, "The message text is over the length limit"),
    SEND_TO_SELF(5003, 400, "A direct message needs another user as recipient"),
    NOT_CONVERSATION_MEMBER(5004, 403, "You are not a member of this conversation"),
    CLIENT_MSG_ID_REUSED(5005, 409,
            "This clientMsgId was already used for a different message; use a new one"),
    NOT_MESSAGE_SENDER(5006, 403, "Only the sender may recall a message"),
    RECALL_WINDOW_PASSED(5007, 409, "The recall window of this message has passed"),
    ALREADY_RECALLED(5008, 409, "This message was already recalled"),
    MESSAGE_NOT_FOUND(5009, 404, "No such message"),
    MENTION_ALL_NOT_ALLOWED(5010, 403, "Only the owner or an admin may mention @all"),

    IMAGE_TOO_LARGE(6001, 413, "The image is over the size limit"),
    IMAGE_TYPE_NOT_ALLOWED(6002, 415,
            "This image type is not taken, or the bytes are not of the declared type"),
    IMAGE_NOT_FOUND(6003, 404, "No such image, or it was not shared with you"),
    IMAGE_UNREADABLE(6004, 400, "The image cannot be read"),
    IMAGE_DIMENSIONS_TOO_LARGE(6005, 413, "The image's width or height is over the limit"),

    INTERNAL(9001, 500, "Internal error"),
    UNAVAILABLE(9002, 503, "A backing service is unavailable; retry later"),
    GATEWAY_DRAINING(9003, 503, "This gateway is shutting down; connect through GET /api/gateway");

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
