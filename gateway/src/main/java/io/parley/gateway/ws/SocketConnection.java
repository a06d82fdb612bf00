package io.parley.gateway.ws;

import io.micronaut.websocket.WebSocketSession;

/**
 * One open, authenticated socket. {@code lastSeenMs} is written by the socket's event loop and
 * read by the heartbeat sweep, hence volatile.
 */
public final class SocketConnection {
    private final long userId;
    private final String connectionId;
    private final String deviceId;
    private final long connectedAtMs;
    private final WebSocketSession session;
    private final Unconfirmed unconfirmed;
    private volatile long lastSeenMs;

    SocketConnection(long userId, String connectionId, String deviceId, long connectedAtMs,
                     WebSocketSession session, DeliverySettings delivery) {
        this.userId = userId;
        this.connectionId = connectionId;
        this.deviceId = deviceId;
        this.connectedAtMs = connectedAtMs;
        this.session = session;
        this.unconfirmed = new Unconfirmed(delivery);
        this.lastSeenMs = connectedAtMs;
    }

    public long userId() {
        return userId;
    }

    public String connectionId() {
        return connectionId;
    }

    public String deviceId() {
        return deviceId;
    }

    public long connectedAtMs() {
        return connectedAtMs;
    }

    WebSocketSession session() {
        return session;
    }

    Unconfirmed unconfirmed() {
        return unconfirmed;
    }

    long lastSeenMs() {
        return lastSeenMs;
    }

    void seen(long nowMs) {
        lastSeenMs = nowMs;
    }
}
