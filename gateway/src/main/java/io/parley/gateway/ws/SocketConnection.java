package io.parley.gateway.ws;

import io.micronaut.websocket.WebSocketSession;

/**
 * One open, authenticated socket. {@code lastSeenMs} is written by the socket's event loop and
 * read by the heartbeat sweep, hence volatile.
 */
public final class SocketConnection {
    private final long userId;
    private final String tokenId;
    private final String connectionId;
    private final String deviceId;
    private final long connectedAtMs;
    private final WebSocketSession session;
    private final Unconfirmed unconfirmed;
    private volatile long lastSeenMs;
    private volatile long lastUserTrafficMs;

    SocketConnection(long userId, String tokenId, String connectionId, String deviceId,
                     long connectedAtMs, WebSocketSession session, DeliverySettings delivery) {
        this.userId = userId;
        this.tokenId = tokenId;
        this.connectionId = connectionId;
        this.deviceId = deviceId;
        this.connectedAtMs = connectedAtMs;
        this.session = session;
        this.unconfirmed = new Unconfirmed(delivery);
        this.lastSeenMs = connectedAtMs;
        this.lastUserTrafficMs = connectedAtMs;
    }

    public long userId() {
        return userId;
    }

    /** The id of the access token it was opened with: a logout of that token closes it. */
    public String tokenId() {
        return tokenId;
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

    /** When the user last did something (a send, a received or read mark); pings do not count. */
    long lastUserTrafficMs() {
        return lastUserTrafficMs;
    }

    void userTraffic(long nowMs) {
        lastUserTrafficMs = nowMs;
    }
}
