package io.parley.gateway.ws;

import io.micronaut.scheduling.annotation.Scheduled;
import io.parley.contracts.frame.MessageFrame;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * Pushes again what clients did not confirm: after 1 s, 2 s, 4 s (by default), then gives up;
 * a client that missed a message for longer finds it by catching up from history on reconnect.
 * Clients de-duplicate by message id, so a redelivery that crosses a late confirmation is
 * harmless.
 */
@Singleton
final class Redelivery {
    private final Connections connections;
    private final Clock clock;
    private final SocketMeters meters;

    Redelivery(Connections connections, Clock clock, SocketMeters meters) {
        this.meters = meters;
        this.connections = connections;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${im.gateway.delivery.sweep-interval:250ms}", initialDelay = "1s")
    void redeliver() {
        long now = clock.millis();
        for (SocketConnection c : connections.all()) {
            for (MessageFrame frame : c.unconfirmed().due(now)) {
                meters.redelivered();
                connections.send(c, frame);
            }
        }
    }
}
