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
import io.parley.contracts.frame.FrameRefusedException;
import io.parley.contracts.frame.PingFrame;
import io.parley.contracts.frame.PongFrame;
import io.parley.contracts.frame.ReceivedFrame;
import io.parley.contracts.frame.SendFrame;
import io.parley.contracts.frame.TypingFrame;
import io.parley.contracts.frame.WelcomeFrame;
import io.parley.gateway.GatewayIdentity;
import io.parley.gateway.auth.AccessToken;
import io.parley.gateway.auth.TokenService;
import io.parley.gateway.typing.TypingRelay;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.slf4j.MDC;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The browser's socket: {@code /ws?token=<jwt>&device=<id>}. The token (signature, expiry, not
 * logged out) is checked before anything else; a refused socket is closed with 4401 and never
 * reaches presence. Frames of one socket are
 * handled in arrival order on its event loop, so its sends reach Kafka in that order. Every bad
 * frame is answered with an {@code error} frame and the socket stays open.
 */
@ServerWebSocket("/ws")
final class ChatSocket {
    static final CloseReason UNAUTHORIZED = new CloseReason(4401, "unauthorized");
    /** Whether the token was revoked could not be checked (Redis unavailable). */
    static final CloseReason TRY_AGAIN_LATER = new CloseReason(1013, "try again later");
    private static final String ATTR = "parley.connection";
    private static final int MAX_DEVICE_ID = 64;

    private final TokenService tokens;
    private final Connections connections;
    private final FrameCodec codec;
    private final SendHandler sends;
    private final LiveWsLimits limits;
    private final DeliverySettings delivery;
    private final GatewayIdentity gateway;
    private final Clock clock;
    private final TypingRelay typing;

    ChatSocket(TokenService tokens, Connections connections, FrameCodec codec, SendHandler sends,
               LiveWsLimits limits, DeliverySettings delivery, GatewayIdentity gateway, Clock clock,
               TypingRelay typing) {
        this.typing = typing;
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
        // Set before the token check completes: frames that arrive meanwhile find it empty and
        // are dropped, and the reference publishes the connection safely to the event loop.
        AtomicReference<SocketConnection> admitted = new AtomicReference<>();
        session.put(ATTR, admitted);
        if (!connections.admitting()) {
            session.close(Connections.DRAINED);
            return;
        }
        Map<String, List<String>> query = query(request);
        String device = device(first(query, "device"));
        tokens.verify(first(query, "token")).whenComplete((token, error) -> {
            if (error != null) {
                session.close(TRY_AGAIN_LATER);
            } else if (token.isEmpty()) {
                session.close(UNAUTHORIZED);
            } else if (session.isOpen()) {
                admit(session, request, admitted, token.get(), device);
            }
        });
    }

    /**
     * Registers the socket, then checks the token once more: a logout that happened between the
     * first check and the registration was announced before this socket could be found, but its
     * revocation key is visible now. Welcome only once presence has the socket and the token
     * still stands: from then on, pushes can find it, and the upgrade request Micronaut keeps for
     * the socket's life is emptied ({@link UpgradeRequestTrim}), on the socket's event loop.
     */
    private void admit(WebSocketSession session, HttpRequest<?> request,
                       AtomicReference<SocketConnection> admitted, AccessToken token, String device) {
        SocketConnection connection = new SocketConnection(token.userId(), token.tokenId(),
                UUID.randomUUID().toString(), device, clock.millis(), session, delivery);
        admitted.set(connection);
        connections.add(connection).thenCombine(tokens.isRevoked(token), (v, revoked) -> revoked)
                .whenComplete((revoked, error) -> {
                    if (error != null || revoked || !session.isOpen() || !connections.admitting()) {
                        connections.remove(connection);
                        session.close(error != null ? TRY_AGAIN_LATER
                                : revoked ? UNAUTHORIZED : Connections.DRAINED);
                    } else {
                        connections.welcome(connection, new WelcomeFrame(connection.userId(),
                                gateway.id(), connection.connectionId(),
                                (int) limits.current().heartbeatInterval().toSeconds()));
                        trimLater(session, request);
                    }
                });
    }

    private static void trimLater(WebSocketSession session, HttpRequest<?> request) {
        Channel channel = SessionChannel.of(session);
        if (channel == null) {
            UpgradeRequestTrim.trim(request);
        } else {
            channel.eventLoop().execute(() -> UpgradeRequestTrim.trim(request));
        }
    }

    @OnMessage(maxPayloadLength = 1 << 20)
    void message(String text, WebSocketSession session) {
        SocketConnection connection = admitted(session);
        if (connection == null) {
            return;
        }
        MDC.put("userId", Long.toString(connection.userId()));
        MDC.put("connectionId", connection.connectionId());
        try {
            handle(connection, text);
        } finally {
            MDC.remove("userId");
            MDC.remove("connectionId");
        }
    }

    private void handle(SocketConnection connection, String text) {
        connection.seen(clock.millis());
        ClientFrame frame;
        try {
            if (text.length() > limits.current().maxFrameBytes()
                    || text.getBytes(StandardCharsets.UTF_8).length > limits.current().maxFrameBytes()) {
                throw new ParleyException(ErrorCode.FRAME_TOO_LARGE, "frames are limited to "
                        + limits.current().maxFrameBytes() + " bytes");
            }
            frame = codec.decodeClient(text);
        } catch (ParleyException e) {
            String clientMsgId = e instanceof FrameRefusedException r ? r.clientMsgId() : null;
            connections.send(connection, ErrorFrame.of(e.error(), e.getMessage(), clientMsgId));
            return;
        }
        if (!(frame instanceof PingFrame)) {
            connection.userTraffic(clock.millis());
        }
        if (frame instanceof PingFrame) {
            connections.send(connection, new PongFrame(clock.millis()));
        } else if (frame instanceof SendFrame send) {
            sends.send(connection, send);
        } else if (frame instanceof ReceivedFrame received) {
            connection.unconfirmed().received(received.conversationId(), received.seq());
        } else if (frame instanceof TypingFrame t) {
            typing.typing(connection, t);
        }
    }

    @OnClose
    void close(WebSocketSession session) {
        SocketConnection connection = admitted(session);
        if (connection != null) {
            connections.remove(connection);
        }
    }

    @SuppressWarnings("unchecked")
    private static SocketConnection admitted(WebSocketSession session) {
        return session.get(ATTR, AtomicReference.class).map(r -> (SocketConnection) r.get())
                .orElse(null);
    }

    /**
     * The query decoded here rather than by {@code request.getParameters()}, which caches its
     * map (a copy of the token among it) on the upgrade request, and Micronaut keeps that
     * request for the socket's life: ~0.5 KiB per idle socket (issue #10).
     */
    private static Map<String, List<String>> query(HttpRequest<?> request) {
        String raw = request.getUri().getRawQuery();
        return raw == null ? Map.of() : new QueryStringDecoder(raw, false).parameters();
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
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
