package io.parley.gateway.ws;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.websocket.CloseReason;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * Closes sockets that stopped pinging (4408: a browser tab that froze or a network that vanished
 * without a FIN), that had no user traffic for too long (4409) or reached their age limit (4410,
 * see {@link ConnectionLifetime}). Re-reporting live sockets to session is presence's job
 * ({@code presence/PresenceRefresh}).
 */
@Singleton
final class HeartbeatSweep {
    static final CloseReason TIMED_OUT = new CloseReason(4408, "heartbeat timeout");

    private final Connections connections;
    private final LiveWsLimits limits;
    private final ConnectionLifetime lifetime;
    private final Clock clock;

    HeartbeatSweep(Connections connections, LiveWsLimits limits, ConnectionLifetime lifetime,
                   Clock clock) {
        this.connections = connections;
        this.limits = limits;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${im.gateway.ws.sweep-interval:5s}", initialDelay = "5s")
    void closeSilent() {
        long now = clock.millis();
        long cutoff = now - limits.current().heartbeatTimeout().toMillis();
        for (SocketConnection c : connections.all()) {
            CloseReason reason = c.lastSeenMs() < cutoff ? TIMED_OUT
                    : lifetime.expired(c.connectionId(), c.connectedAtMs(), c.lastUserTrafficMs(), now);
            if (reason != null) {
                connections.remove(c);
                c.session().close(reason);
            }
        }
    }
}
