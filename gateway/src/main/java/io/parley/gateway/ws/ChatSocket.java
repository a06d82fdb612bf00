package io.parley.gateway.ws;

import io.micronaut.http.HttpRequest;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import io.parley.contracts.frame.ClientFrame;
import io.parley.contracts.frame.ErrorFrame;
import io.parley.contracts.frame.FrameCodec;
import io.parley.contracts.frame.PingFrame;
import io.parley.contracts.frame.PongFrame;
import io.parley.contracts.frame.ReceivedFrame;
import io.parley.contracts.frame.SendFrame;
import io.parley.contracts.frame.WelcomeFrame;
import io.parley.gateway.GatewayIdentity;
import io.parley.gateway.auth.TokenService;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * The browser's socket: {@code /ws?token=<jwt>&device=<id>}. The token is checked before anything
 * else; a refused socket is closed with 4401 and never reaches presence. Frames of one socket are
 * handled in arrival order on its event loop, so its sends reach Kafka in that order. Every bad
 * frame is answered with an {@code error} frame and the socket stays open.
 */
@ServerWebSocket("/ws")
final class ChatSocket {
    static final CloseReason UNAUTHORIZED = new CloseReason(4401, "unauthorized");
    private static final String ATTR = "parley.connection";
    private static final int MAX_DEVICE_ID = 64;

    private final TokenService tokens;
    private final Connections connections;
    private final FrameCodec codec;
    private final SendHandler sends;
    private final WsLimits limits;
    private final DeliverySettings delivery;
    private final GatewayIdentity gateway;
    private final Clock clock;

    ChatSocket(TokenService tokens, Connections connections, FrameCodec codec, SendHandler sends,
               WsLimits limits, DeliverySettings delivery, GatewayIdentity gateway, Clock clock) {
        this.tokens = tokens;
        this.connections = connections;
        this.codec = codec;
        this.sends = sends;
        this.limits = limits;
        this.delivery = delivery;
        this.gateway = gateway;
        this.clock = clock;
    }

    @OnOpen
    void open(WebSocketSession session, HttpRequest<?> request) {
        Optional<Long> user = tokens.verify(request.getParameters().get("token"));
        if (user.isEmpty()) {
            session.close(UNAUTHORIZED);
            return;
        }
        SocketConnection connection = new SocketConnection(user.get(),
                UUID.randomUUID().toString(), device(request.getParameters().get("device")),
                clock.millis(), session, delivery);
        session.put(ATTR, connection);
        // Welcome only once presence has the socket: from then on, pushes can find it.
        connections.add(connection).thenRun(() -> connections.send(connection,
                new WelcomeFrame(connection.userId(), gateway.id(), connection.connectionId(),
                        (int) limits.heartbeatInterval().toSeconds())));
    }

    @OnMessage(maxPayloadLength = 1 << 20)
    void message(String text, WebSocketSession session) {
        SocketConnection connection = session.get(ATTR, SocketConnection.class).orElse(null);
        if (connection == null) {
            return;
        }
        connection.seen(clock.millis());
        ClientFrame frame;
        try {
            if (text.length() > limits.maxFrameBytes()
                    || text.getBytes(StandardCharsets.UTF_8).length > limits.maxFrameBytes()) {
                throw new ParleyException(ErrorCode.FRAME_TOO_LARGE, "frames are limited to "
                        + limits.maxFrameBytes() + " bytes");
            }
            frame = codec.decodeClient(text);
        } catch (ParleyException e) {
            connections.send(connection, ErrorFrame.of(e.error(), e.getMessage(), null));
            return;
        }
        if (frame instanceof PingFrame) {
            connections.send(connection, new PongFrame(clock.millis()));
        } else if (frame instanceof SendFrame send) {
            sends.send(connection, send);
        } else if (frame instanceof ReceivedFrame received) {
            connection.unconfirmed().received(received.conversationId(), received.seq());
        }
    }

    @OnClose
    void close(WebSocketSession session) {
        session.get(ATTR, SocketConnection.class).ifPresent(connections::remove);
    }

    private static String device(String requested) {
        if (requested == null || requested.isBlank()) {
            return "web";
        }
        String clean = requested.replaceAll("[^A-Za-z0-9._-]", "");
        return clean.isEmpty() ? "web"
                : clean.substring(0, Math.min(clean.length(), MAX_DEVICE_ID));
    }
}
