package io.parley.contracts.frame;

import io.micronaut.serde.annotation.Serdeable;

/**
 * This gateway is draining (shutting down gracefully): connect to {@code url} after a random pause
 * of up to {@code withinMs}, so that its clients do not all arrive at the other gateway in the
 * same instant. The socket keeps working (pushes, acks) until the client leaves or the grace
 * period ends, when it is closed with 4411. {@code url} and {@code gatewayId} are null when no
 * other live gateway is known: ask {@code GET /api/gateway} then. Messages pushed here but not yet
 * confirmed are caught up by seq after the move, as after any reconnect.
 *
 * @param gatewayId the suggested gateway's instance id, or null
 * @param url       its WebSocket address without the token and device parameters, or null
 * @param withinMs  spread the reconnect over this many milliseconds
 */
@Serdeable
public record ReconnectFrame(String gatewayId, String url, long withinMs) implements ServerFrame {
    public ReconnectFrame {
        if (withinMs < 0) {
            throw new IllegalArgumentException("withinMs must not be negative: " + withinMs);
        }
    }
}
