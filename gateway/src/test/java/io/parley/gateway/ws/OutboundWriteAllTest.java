package io.parley.gateway.ws;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.netty.websocket.NettyWebSocketSession;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One frame to many Netty sockets: one shared encoding, each socket's order, the same bound. */
class OutboundWriteAllTest {
    private final Outbound outbound = new Outbound(new OutboundSettings(1000, 16),
            new SimpleMeterRegistry());

    private record Socket(EmbeddedChannel channel, SocketConnection connection) {
        List<String> texts() {
            List<String> out = new ArrayList<>();
            for (Object f; (f = channel.readOutbound()) != null; ) {
                if (f instanceof TextWebSocketFrame t) {
                    out.add(t.text());
                }
            }
            return out;
        }
    }

    private Socket socket(String id) {
        EmbeddedChannel channel = new EmbeddedChannel();
        NettyWebSocketSession session = new NettyWebSocketSession(id, channel,
                HttpRequest.GET("/ws"), null, null, "13", false) {
        };
        SocketConnection c = new SocketConnection(1, "t", id, "d", 0, session,
                new DeliverySettings(Duration.ofSeconds(1), 3, 500, 64));
        outbound.welcome(c, "welcome");
        Socket s = new Socket(channel, c);
        assertEquals(List.of("welcome"), s.texts());
        return s;
    }

    @Test
    void theNettyChannelIsFoundUnderTheSession() {
        assertNotNull(SessionChannel.of(socket("a").connection().session()),
                "else every push takes the slow path");
    }

    @Test
    void everySocketGetsEachFrameOnceInTheOrderWritten() {
        Socket a = socket("a");
        Socket b = socket("b");
        assertEquals(2, outbound.writeAll(List.of(a.connection(), b.connection()), "m1"));
        assertEquals(2, outbound.writeAll(List.of(a.connection(), b.connection()), "é2"));
        assertEquals(10, outbound.pendingBytes(), "queued on the loops: 2 × 2 + 3 × 2 UTF-8 bytes");
        a.channel().runPendingTasks();
        b.channel().runPendingTasks();
        assertEquals(List.of("m1", "é2"), a.texts());
        assertEquals(List.of("m1", "é2"), b.texts());
        assertEquals(0, outbound.pendingBytes(), "given back once flushed");
        assertEquals(0, a.connection().outboundBytes().get());
    }

    @Test
    void aSocketPastTheLimitIsClosedWith4412AndTheOthersStillGetTheFrame() {
        Socket slow = socket("slow");
        Socket fine = socket("fine");
        assertEquals(1, outbound.writeAll(List.of(slow.connection()), "x".repeat(600)));
        // "slow" does not run its loop: its 600 bytes stay unflushed
        assertEquals(1, outbound.writeAll(List.of(slow.connection(), fine.connection()),
                "y".repeat(600)), "1200 bytes would pass 1000 on the slow socket");
        assertEquals(1, outbound.closedCount());
        slow.channel().runPendingTasks();
        fine.channel().runPendingTasks();
        List<Object> frames = new ArrayList<>();
        for (Object f; (f = slow.channel().readOutbound()) != null; ) {
            frames.add(f);
        }
        assertTrue(frames.stream().anyMatch(f -> f instanceof CloseWebSocketFrame c
                && c.statusCode() == 4412), "closed as a slow consumer: " + frames);
        assertEquals(List.of("y".repeat(600)), fine.texts());
        assertFalse(slow.connection().isOpen());
    }

    @Test
    void aSocketClosedUnderTheWriteGivesItsBytesBack() {
        Socket a = socket("a");
        assertEquals(1, outbound.writeAll(List.of(a.connection()), "m1"));
        a.channel().close();
        a.channel().runPendingTasks();
        assertEquals(0, outbound.pendingBytes(), "its bytes are given back");
        assertEquals(0, a.connection().outboundBytes().get());
    }
}
