package io.parley.gateway.ws;

import io.micronaut.scheduling.annotation.Scheduled;
import io.parley.contracts.frame.MessageFrame;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pushes again what clients did not confirm: after 1 s, 2 s, 4 s (by default), then gives up;
 * the clock counts from when the socket's writes last drained, not from when a push was queued
 * behind them ({@link Unconfirmed#postpone});
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

    /**
     * A large group's message is due on thousands of sockets in the same sweep: each frame is
     * encoded once and written to all of them together (issue #12), in the order the sockets'
     * frames fell due.
     */
    @Scheduled(fixedDelay = "${im.gateway.delivery.sweep-interval:250ms}", initialDelay = "1s")
    void redeliver() {
        long now = clock.millis();
        Map<MessageFrame, List<SocketConnection>> due = new LinkedHashMap<>();
        for (SocketConnection c : connections.all()) {
            if (c.outboundBytes().get() > 0) {
                c.unconfirmed().postpone(now);
                continue;
            }
            for (MessageFrame frame : c.unconfirmed().due(now)) {
                meters.redelivered();
                due.computeIfAbsent(frame, f -> new ArrayList<>()).add(c);
            }
        }
        due.forEach(connections::pushAgain);
    }
}
