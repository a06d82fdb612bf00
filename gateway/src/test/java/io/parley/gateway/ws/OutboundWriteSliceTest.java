package io.parley.gateway.ws;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.netty.websocket.NettyWebSocketSession;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalIoHandler;
import io.netty.channel.local.LocalServerChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A room's push written in slices on a real event loop (issue #12): what is queued on the loop
 * meanwhile runs between two slices, and every socket still gets its frames once, in order.
 * Ten sockets share one loop, written two per loop task; their peers sit on another loop.
 */
class OutboundWriteSliceTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private final EventLoopGroup socketLoops =
            new MultiThreadIoEventLoopGroup(1, LocalIoHandler.newFactory());
    private final EventLoopGroup peerLoops =
            new MultiThreadIoEventLoopGroup(1, LocalIoHandler.newFactory());
    private final EventLoop loop = socketLoops.next();
    private final Outbound outbound = new Outbound(
            new OutboundSettings(1 << 20, 16, Duration.ofSeconds(2), 2), new SimpleMeterRegistry());
    /** What the sockets' loop wrote, in the order it wrote it: "socket:text", or a task's name. */
    private final List<String> written = Collections.synchronizedList(new ArrayList<>());
    /** What each peer received, by the socket's address. */
    private final Map<SocketAddress, List<String>> received = new ConcurrentHashMap<>();
    private final LocalAddress address = new LocalAddress("slices-" + UUID.randomUUID());
    private Channel server;

    private record Socket(String id, Channel channel, SocketConnection connection) {
    }

    /** On the socket's side, in its pipeline: notes each frame as its loop writes it. */
    private final class WriteLog extends ChannelOutboundHandlerAdapter {
        private final String id;

        WriteLog(String id) {
            this.id = id;
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (msg instanceof TextWebSocketFrame t) {
                written.add(id + ":" + t.text());
            }
            ctx.write(msg, promise);
        }
    }

    /** On the peer's side: what reached the other end, by the socket's address. */
    private final class Peer extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof TextWebSocketFrame t) {
                received.computeIfAbsent(ctx.channel().remoteAddress(),
                        a -> Collections.synchronizedList(new ArrayList<>())).add(t.text());
            }
        }
    }

    @BeforeEach
    void listen() throws InterruptedException {
        server = new ServerBootstrap().group(peerLoops).channel(LocalServerChannel.class)
                .childHandler(new ChannelInitializer<LocalChannel>() {
                    @Override
                    protected void initChannel(LocalChannel ch) {
                        ch.pipeline().addLast(new Peer());
                    }
                })
                .bind(address).sync().channel();
    }

    @AfterEach
    void stop() {
        server.close();
        socketLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        peerLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    private static ConditionFactory awaiting() {
        return await().atMost(DEADLINE).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(5));
    }

    private List<Socket> sockets(String prefix, int n) throws InterruptedException {
        List<Socket> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = prefix + i;
            Channel ch = new Bootstrap().group(socketLoops).channel(LocalChannel.class)
                    .handler(new WriteLog(id)).connect(address).sync().channel();
            NettyWebSocketSession session = new NettyWebSocketSession(id, ch,
                    HttpRequest.GET("/ws"), null, null, "13", false) {
            };
            SocketConnection c = new SocketConnection(1, "t", id, "d", 0, session,
                    new DeliverySettings(Duration.ofSeconds(1), 3, 500, 64));
            outbound.welcome(c, "welcome");
            out.add(new Socket(id, ch, c));
        }
        for (Socket s : out) {
            awaitReceived(s, List.of("welcome"));
        }
        written.clear();
        return out;
    }

    private static List<SocketConnection> connections(List<Socket> sockets) {
        return sockets.stream().map(Socket::connection).toList();
    }

    /** Keeps the loop busy until the gate opens, so the test queues work behind a known head. */
    private CountDownLatch holdLoop() {
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch held = new CountDownLatch(1);
        loop.execute(() -> {
            held.countDown();
            try {
                gate.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        awaiting().until(() -> held.getCount() == 0);
        return gate;
    }

    private List<String> received(Socket s) {
        return List.copyOf(received.getOrDefault(s.channel().localAddress(), List.of()));
    }

    private void awaitReceived(Socket s, List<String> texts) {
        awaiting().until(() -> received(s).size() >= texts.size());
        assertEquals(texts, received(s), s.id());
    }

    @Test
    void aTaskQueuedOnTheLoopAfterARoomPushRunsBeforeThePushReachesItsLastSocket()
            throws InterruptedException {
        List<Socket> room = sockets("s", 10);
        CountDownLatch gate = holdLoop();
        assertEquals(10, outbound.writeAll(connections(room), "room"));
        loop.execute(() -> written.add("task"));
        gate.countDown();

        awaiting().until(() -> written.size() == 11);
        int task = written.indexOf("task");
        assertEquals(2, task, "one slice of two sockets, then the task: " + written);
        assertTrue(task < written.indexOf("s9:room"), "the task waited for the whole room");
        for (Socket s : room) {
            awaitReceived(s, List.of("welcome", "room"));
        }
    }

    @Test
    void aSingleFrameDoesNotOvertakeARoomFrameStillWaitingForItsSocketButPassesTheOthers()
            throws InterruptedException {
        List<Socket> room = sockets("s", 10);
        Socket other = sockets("o", 1).get(0);
        Socket last = room.get(9);
        CountDownLatch gate = holdLoop();
        outbound.writeAll(connections(room), "room");
        assertTrue(outbound.write(last.connection(), "ack"));
        assertTrue(outbound.write(other.connection(), "ack"));
        assertEquals(1, outbound.writeAll(List.of(other.connection()), "dm"));
        gate.countDown();

        awaitReceived(last, List.of("welcome", "room", "ack"));
        awaitReceived(other, List.of("welcome", "ack", "dm"));
        assertTrue(written.indexOf("s9:room") < written.indexOf("s9:ack"), written.toString());
        assertTrue(written.indexOf("o0:dm") < written.indexOf("s9:room"),
                "a socket outside the room waits for none of it: " + written);
    }

    @Test
    void everySocketGetsEveryFrameOnceInTheOrderWrittenWhilePushesAndSinglesInterleave()
            throws InterruptedException {
        List<Socket> all = sockets("s", 10);
        List<Socket> half = all.subList(0, 5);
        Map<Socket, List<String>> expected = new ConcurrentHashMap<>();
        all.forEach(s -> expected.put(s, new ArrayList<>(List.of("welcome"))));
        for (int i = 0; i < 200; i++) {
            String room = "room" + i;
            outbound.writeAll(connections(all), room);
            all.forEach(s -> expected.get(s).add(room));
            Socket one = all.get(i % all.size());
            outbound.write(one.connection(), "ack" + i);
            expected.get(one).add("ack" + i);
            if (i % 3 == 0) {
                String group = "group" + i;
                outbound.writeAll(connections(half), group);
                half.forEach(s -> expected.get(s).add(group));
            }
        }
        for (Socket s : all) {
            awaitReceived(s, expected.get(s));
        }
        awaiting().until(() -> outbound.pendingBytes() == 0);
        for (Socket s : all) {
            assertEquals(0, s.connection().outboundBytes().get(), "given back once flushed");
        }
        assertEquals(0, outbound.failedCount());
    }
}
