package io.parley.gateway.ws;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.netty.websocket.NettyWebSocketSession;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.junit.jupiter.api.Test;

import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One frame to many Netty sockets: one shared encoding, each socket's order, the same bound. */
class OutboundWriteAllTest {
    private final Outbound outbound = new Outbound(
            new OutboundSettings(1000, 16, Duration.ofSeconds(2), 256), new SimpleMeterRegistry());

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

    /**
     * A peer that stops reading once {@code stopped}: every write from then on stays in the
     * server's buffer, never flushed to the network (its promise pending), as Netty's outbound
     * buffer holds frames a full TCP window refuses; closing the channel fails them, as Netty's
     * does.
     */
    private static final class StuckPeer extends ChannelOutboundHandlerAdapter {
        final List<Object> unflushed = new ArrayList<>();
        final List<ChannelPromise> promises = new ArrayList<>();
        boolean stopped;

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (!stopped) {
                ctx.write(msg, promise);
                return;
            }
            unflushed.add(msg);
            promises.add(promise);
        }

        @Override
        public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
            promises.forEach(p -> p.tryFailure(new ClosedChannelException()));
            ctx.close(promise);
        }

        long closeFrames() {
            return unflushed.stream().filter(CloseWebSocketFrame.class::isInstance).count();
        }
    }

    private Socket socket(String id) {
        return socket(id, new EmbeddedChannel());
    }

    private Socket socket(String id, EmbeddedChannel channel) {
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
        slow.channel().advanceTimeBy(3, TimeUnit.SECONDS);
        slow.channel().runScheduledPendingTasks();
        assertEquals(0, outbound.droppedCount(), "its close frame went out: nothing to drop");
    }

    @Test
    void aSocketThatStopsReadingIsClosedOnceAndDroppedWhenItsCloseFrameCannotGoOut() {
        StuckPeer peer = new StuckPeer();
        Socket stuck = socket("stuck", new EmbeddedChannel(peer));
        peer.stopped = true;
        assertEquals(1, outbound.writeAll(List.of(stuck.connection()), "x".repeat(600)));
        stuck.channel().runPendingTasks();
        assertEquals(600, stuck.connection().outboundBytes().get(), "taken, never flushed");
        for (int i = 0; i < 50; i++) {
            outbound.writeAll(List.of(stuck.connection()), "y".repeat(600));
            outbound.write(stuck.connection(), "z");
            stuck.channel().runPendingTasks();
        }
        assertEquals(1, outbound.closedCount(), "closed once, not on every further push");
        assertEquals(1, peer.closeFrames(), "one 4412 close frame, queued behind the 600 bytes");
        assertEquals(2, peer.unflushed.size(), "nothing written after the close began");
        assertFalse(stuck.connection().isOpen(), "a closing socket takes no push");
        assertTrue(stuck.channel().isOpen(), "its close frame has not gone out");

        stuck.channel().advanceTimeBy(1, TimeUnit.SECONDS);
        stuck.channel().runScheduledPendingTasks();
        assertTrue(stuck.channel().isOpen(), "within the slow-close timeout: still waiting");
        stuck.channel().advanceTimeBy(1, TimeUnit.SECONDS);
        stuck.channel().runScheduledPendingTasks();
        assertFalse(stuck.channel().isOpen(), "dropped once the timeout passed");
        assertEquals(1, outbound.droppedCount());
        assertEquals(0, stuck.connection().outboundBytes().get(), "its bytes are given back");
        assertEquals(0, outbound.pendingBytes());
        assertEquals(0, outbound.failedCount(),
                "frames failed by our own close are not failed writes");
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
