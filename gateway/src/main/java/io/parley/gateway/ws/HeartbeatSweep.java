package io.parley.gateway.ws;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.websocket.CloseReason;
import io.parley.gateway.presence.PresenceReporter;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * Closes sockets that stopped pinging (a browser tab that froze or a network that vanished
 * without a FIN), and re-reports every live socket to session so presence entries outlive their
 * TTL exactly as long as the socket does.
 */
@Singleton
final class HeartbeatSweep {
    static final CloseReason TIMED_OUT = new CloseReason(4408, "heartbeat timeout");

    private final Connections connections;
    private final PresenceReporter presence;
    private final LiveWsLimits limits;
    private final Clock clock;

    HeartbeatSweep(Connections connections, PresenceReporter presence, LiveWsLimits limits,
                   Clock clock) {
        this.connections = connections;
        this.presence = presence;
        this.limits = limits;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${im.gateway.ws.sweep-interval:5s}", initialDelay = "5s")
    void closeSilent() {
        long cutoff = clock.millis() - limits.current().heartbeatTimeout().toMillis();
        for (SocketConnection c : connections.all()) {
            if (c.lastSeenMs() < cutoff) {
                connections.remove(c);
                c.session().close(TIMED_OUT);
            }
        }
    }

    @Scheduled(fixedDelay = "${im.gateway.presence-refresh:10s}", initialDelay = "10s")
    void refreshPresence() {
        if (connections.size() > 0) {
            presence.heartbeat(connections.all());
        }
    }
}
