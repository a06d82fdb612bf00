package io.parley.gateway.ws;

import io.micronaut.websocket.CloseReason;
import io.parley.contracts.frame.AckFrame;
import io.parley.contracts.frame.ErrorFrame;
import io.parley.contracts.frame.FrameCodec;
import io.parley.contracts.frame.MessageFrame;
import io.parley.contracts.frame.ServerFrame;
import io.parley.contracts.frame.WelcomeFrame;
import io.parley.gateway.presence.PresenceReporter;
import io.parley.gateway.room.RoomDirectory;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sockets this gateway holds, by connection id, and the one place frames are written to them.
 * Every change is reported to session, so presence always matches this map (up to the TTL), and
 * to the room index, so large groups' messages find the socket ({@link RoomDirectory}).
 */
@Singleton
public final class Connections {
    /** Sent to every socket on shutdown, so clients reconnect to another gateway at once. */
    static final CloseReason GOING_AWAY = new CloseReason(1001, "gateway shutting down");
    /**
     * The gateway drains: a socket still here at the end of the grace period, or one that slipped
     * past the upgrade check. Not an error: reconnect at once (through {@code GET /api/gateway}).
     */
    public static final CloseReason DRAINED = new CloseReason(4411, "gateway draining; reconnect");

    private static final Logger LOG = LoggerFactory.getLogger(Connections.class);

    private final Map<String, SocketConnection> byId = new ConcurrentHashMap<>();
    /** False once the gateway drains: no new socket is admitted from then on. */
    private volatile boolean admitting = true;
    private final AtomicLong outOfOrder = new AtomicLong();
    private final FrameCodec codec;
    private final PresenceReporter presence;
    private final Clock clock;
    private final Outbound outbound;
    private final AckDeadlines acks;
    private final SocketMeters meters;
    private final RoomDirectory rooms;

    Connections(FrameCodec codec, PresenceReporter presence, Clock clock, Outbound outbound,
                AckDeadlines acks, SocketMeters meters, RoomDirectory rooms) {
        this.codec = codec;
        this.rooms = rooms;
        this.presence = presence;
        this.clock = clock;
        this.outbound = outbound;
        this.acks = acks;
        this.meters = meters;
        meters.watch(this);
    }

    /**
     * Completes once session knows the socket (or failed to hear of it; heartbeats heal) and the
     * socket is in its user's rooms; fails when logic could not list them.
     */
    CompletableFuture<Void> add(SocketConnection connection) {
        byId.put(connection.connectionId(), connection);
        return CompletableFuture.allOf(presence.connected(connection),
                rooms.admit(connection.connectionId(), connection.userId()));
    }

    void remove(SocketConnection connection) {
        if (byId.remove(connection.connectionId()) != null) {
            rooms.remove(connection.connectionId());
            presence.disconnected(connection);
        }
    }

    /**
     * Writes a frame to one socket; false when this gateway no longer holds it. An {@code ack}
     * or a send's {@code error} settles that send's deadline ({@link AckDeadlines}).
     */
    public boolean send(String connectionId, ServerFrame frame) {
        String answered = null;
        if (frame instanceof AckFrame ack) {
            answered = ack.clientMsgId();
        } else if (frame instanceof ErrorFrame error && error.clientMsgId() != null) {
            answered = error.clientMsgId();
        }
        if (answered != null) {
            acks.settle(connectionId, answered);
        }
        SocketConnection c = byId.get(connectionId);
        if (c == null || !c.isOpen()) {
            if (answered != null && meters.unheldResult() <= 20) {
                // the sender left (a drain, a drop): its client resends with the same id
                LOG.info("answer to send {} for socket {} not held here", answered, connectionId);
            }
            return false;
        }
        if (frame instanceof AckFrame) {
            meters.ack();
        } else if (frame instanceof ErrorFrame error && answered != null) {
            meters.refused(error.code());
        }
        return outbound.write(c, codec.encodeServer(frame));
    }

    /**
     * Pushes one message to many sockets, encoding the frame once for all of them, and keeps it
     * per socket until the client confirms it, so that {@link Redelivery} can push it again;
     * returns how many of the sockets this gateway still holds. {@code ingressAtMs} (the sender's
     * gateway ingress, 0 when unknown) times the write on each socket's loop.
     */
    public int pushAll(List<String> connectionIds, MessageFrame frame, long ingressAtMs) {
        return push(connectionIds, frame, ingressAtMs, true);
    }

    /**
     * Pushes a large group's message (read diffusion) to the room's sockets, encoded once, and
     * keeps nothing per socket: the group's timeline is the source of truth, so a frame written
     * to an open socket is not redelivered and its {@code received} is not needed. A socket that
     * loses frames is closed (4412, a write that fails) and its client catches up by seq; a
     * client that sees a hole in the group's seqs fills it from history (docs/protocol.md,
     * "Large groups"). Returns how many of the sockets this gateway still holds.
     */
    public int pushRoom(List<String> connectionIds, MessageFrame frame, long ingressAtMs) {
        return push(connectionIds, frame, ingressAtMs, false);
    }

    private int push(List<String> connectionIds, MessageFrame frame, long ingressAtMs,
                     boolean untilConfirmed) {
        long now = clock.millis();
        List<SocketConnection> targets = new ArrayList<>(connectionIds.size());
        for (String id : connectionIds) {
            SocketConnection c = byId.get(id);
            if (c == null || !c.isOpen()) {
                continue;
            }
            if (untilConfirmed && !c.unconfirmed().pushed(frame, now)) {
                meters.pushedAgainSuppressed();
                continue; // the socket has it already (pending or confirmed)
            }
            long overtaken = c.pushedOutOfOrder(frame.conversationId(), frame.seq());
            if (overtaken > 0 && outOfOrder.incrementAndGet() <= 20) {
                LOG.info("push out of order on socket {}: {} seq {} after seq {}",
                        c.connectionId(), frame.conversationId(), frame.seq(), overtaken);
            }
            targets.add(c);
        }
        return targets.isEmpty() ? 0 : outbound.writeAll(targets, codec.encodeServer(frame),
                ingressAtMs);
    }

    /** Writes a message again to the sockets that did not confirm it, encoded once for all. */
    void pushAgain(MessageFrame frame, List<SocketConnection> sockets) {
        outbound.writeAll(sockets, codec.encodeServer(frame));
    }

    /** The socket's first frame; what was written for it before goes out right after. */
    void welcome(SocketConnection connection, WelcomeFrame frame) {
        outbound.welcome(connection, codec.encodeServer(frame));
    }

    /** Pushes written with a lower seq than one already pushed to the same socket, since start. */
    public long pushesOutOfOrder() {
        return outOfOrder.get();
    }

    void send(SocketConnection connection, ServerFrame frame) {
        if (frame instanceof ErrorFrame error && error.clientMsgId() != null) {
            meters.refused(error.code());
        }
        outbound.write(connection, codec.encodeServer(frame));
    }

    /**
     * Closes every socket opened with this token. A scan, not an index: logouts are rare next to
     * frames, and a scan of even 100k sockets costs well under a millisecond.
     */
    void closeToken(String tokenId, CloseReason reason) {
        for (SocketConnection c : byId.values()) {
            if (c.tokenId().equals(tokenId)) {
                remove(c);
                c.session().close(reason);
            }
        }
    }

    public Collection<SocketConnection> all() {
        return List.copyOf(byId.values());
    }

    public int size() {
        return byId.size();
    }

    /** From now on new sockets are refused (the gateway drains); sockets held stay. */
    public void stopAdmitting() {
        admitting = false;
    }

    public boolean admitting() {
        return admitting;
    }

    /** Closes every socket held with {@code reason}, each reported gone to session; returns them. */
    public List<SocketConnection> closeAll(CloseReason reason) {
        List<SocketConnection> closed = List.copyOf(byId.values());
        for (SocketConnection c : closed) {
            remove(c);
            if (c.session().isOpen()) {
                c.session().close(reason);
            }
        }
        return closed;
    }

    /** Sockets still held when the context stops without a drain (an embedded server's close). */
    @PreDestroy
    void closeRest() {
        closeAll(GOING_AWAY);
    }
}
