package io.parley.gateway.ws;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.websocket.CloseReason;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

import java.time.Duration;

/**
 * The two timers beside the heartbeat timeout (4408) that end a socket.
 *
 * @param maxIdle      a socket with no user traffic (sends, received/read marks; pings do not
 *                     count) for this long is closed with 4409; 0 turns it off
 * @param maxAge       a socket is closed with 4410 once it is this old, so that long-lived
 *                     clients come back through {@code GET /api/gateway} and load rebalances;
 *                     0 turns it off
 * @param maxAgeJitter each socket's age limit is shortened by up to this fraction of
 *                     {@code maxAge} (by its connection id), so sockets opened together do not
 *                     all reconnect together
 */
@ConfigurationProperties("im.gateway.ws")
public record ConnectionLifetime(
        @Bindable(defaultValue = "30m") Duration maxIdle,
        @Bindable(defaultValue = "12h") Duration maxAge,
        @Bindable(defaultValue = "0.2") @DecimalMin("0") @DecimalMax("0.9") double maxAgeJitter) {

    static final CloseReason IDLE = new CloseReason(4409, "idle too long");
    static final CloseReason TOO_OLD = new CloseReason(4410, "connection age limit; reconnect");

    /** Why the socket must close now, or null: idle first, then age. */
    CloseReason expired(String connectionId, long connectedAtMs, long lastUserTrafficMs, long nowMs) {
        if (!maxIdle.isZero() && nowMs - lastUserTrafficMs >= maxIdle.toMillis()) {
            return IDLE;
        }
        if (!maxAge.isZero() && nowMs >= ageDeadline(connectionId, connectedAtMs)) {
            return TOO_OLD;
        }
        return null;
    }

    /** {@code connectedAt + maxAge × (1 − jitter × u)}, u in [0, 1) drawn from the connection id. */
    long ageDeadline(String connectionId, long connectedAtMs) {
        // Mix the hash so that similar ids (conn-1, conn-2) spread over the whole range.
        long h = connectionId.hashCode() * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 32;
        double u = (h >>> 11) / (double) (1L << 53);
        return connectedAtMs + (long) (maxAge.toMillis() * (1 - maxAgeJitter * u));
    }
}
