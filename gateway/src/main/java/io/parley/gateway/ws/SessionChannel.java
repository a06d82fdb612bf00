package io.parley.gateway.ws;

import io.micronaut.http.netty.websocket.NettyWebSocketSession;
import io.micronaut.websocket.WebSocketSession;
import io.netty.channel.Channel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The Netty channel under a Micronaut socket session, so that a push to thousands of sockets can
 * write one shared buffer on each socket's event loop in one task per loop instead of one
 * cross-thread {@code writeAndFlush} task and one UTF-8 copy per socket (the room burst's profile,
 * issue #12). Micronaut keeps the channel in a private field and offers no accessor; its classes
 * are on the class path (the unnamed module), so a private lookup reads it. Null when the session
 * is not Netty's (tests' fakes) or a later Micronaut renamed the field: callers then write through
 * {@link WebSocketSession#sendAsync}, which is correct, only slower.
 */
final class SessionChannel {
    private static final VarHandle CHANNEL = find();

    private SessionChannel() {
    }

    static Channel of(WebSocketSession session) {
        return CHANNEL != null && session instanceof NettyWebSocketSession
                ? (Channel) CHANNEL.get(session) : null;
    }

    private static VarHandle find() {
        try {
            return MethodHandles.privateLookupIn(NettyWebSocketSession.class, MethodHandles.lookup())
                    .findVarHandle(NettyWebSocketSession.class, "channel", Channel.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
