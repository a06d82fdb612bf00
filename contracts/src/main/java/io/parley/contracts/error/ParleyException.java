package io.parley.contracts.error;

/**
 * The one exception type domain code throws for an expected failure. Each transport maps it in
 * exactly one place: HTTP to {@code {code, message}}, WebSocket to an {@code error} frame, gRPC to
 * a status carrying the code.
 */
public class ParleyException extends RuntimeException {
    private final ErrorCode error;

    public ParleyException(ErrorCode error) {
        this(error, error.defaultMessage());
    }

    public ParleyException(ErrorCode error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    public ErrorCode error() {
        return error;
    }
}
