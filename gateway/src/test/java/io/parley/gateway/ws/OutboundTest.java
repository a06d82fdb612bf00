package io.parley.gateway.ws;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bounded outbound buffering: a socket whose unflushed bytes pass the limit is closed, 4412. */
class OutboundTest {
    /** A session whose writes complete only when the test flushes them. */
    static final class SlowSession {
        final List<CompletableFuture<Object>> unflushed = new ArrayList<>();
        final List<CloseReason> closes = new ArrayList<>();
        final List<Object> sent = new ArrayList<>();
        boolean open = true;
        /** Whether sendAsync throws, as Micronaut's does for a session closed under the check. */
        boolean throwOnSend;
        /** Called with each frame sent, on the sending thread. */
        Consumer<Object> onSend = text -> { };

        WebSocketSession proxy() {
            return (WebSocketSession) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[]{WebSocketSession.class},
                    (p, method, args) -> switch (method.getName()) {
                        case "isOpen" -> open;
                        case "sendAsync" -> {
                            if (throwOnSend) {
                                throw new io.micronaut.websocket.exceptions
                                        .WebSocketSessionException("Session closed");
                            }
                            CompletableFuture<Object> f = new CompletableFuture<>();
                            unflushed.add(f);
                            sent.add(args[0]);
                            onSend.accept(args[0]);
                            yield f;
                        }
                        case "close" -> {
                            closes.add(args == null ? CloseReason.NORMAL : (CloseReason) args[0]);
                            open = false;
                            yield null;
                        }
                        case "hashCode" -> System.identityHashCode(p);
                        case "equals" -> p == args[0];
                        default -> null;
                    });
        }

        void flush() {
            unflushed.forEach(f -> f.complete(null));
            unflushed.clear();
        }
    }

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Outbound outbound = new Outbound(
            new OutboundSettings(1000, 16, Duration.ofSeconds(2), 256), registry);
    private final SlowSession session = new SlowSession();
    private final SocketConnection socket = new SocketConnection(1, "t", "c", "d", 0,
            session.proxy(), new DeliverySettings(Duration.ofSeconds(1), 3, 500, 64));

    private void welcomed() {
        outbound.welcome(socket, "welcome");
        session.flush();
        session.sent.clear();
    }

    @Test
    void framesBeforeTheWelcomeGoOutRightAfterItInOrder() {
        assertTrue(outbound.write(socket, "m1"));
        assertTrue(outbound.write(socket, "m2"));
        assertTrue(session.sent.isEmpty(), "nothing goes out before the welcome");
        outbound.welcome(socket, "welcome");
        assertTrue(outbound.write(socket, "m3"));
        assertEquals(List.of("welcome", "m1", "m2", "m3"), session.sent);
        assertTrue(session.closes.isEmpty());
    }

    @Test
    void aPushWhileTheHeldFramesGoOutComesAfterThem() throws Exception {
        assertTrue(outbound.write(socket, "m1"));
        assertTrue(outbound.write(socket, "m2"));
        Thread[] pusher = new Thread[1];
        session.onSend = text -> {
            if (text.equals("m1") && pusher[0] == null) {
                // another thread pushes while the welcome is writing the held frames: it must
                // wait for them (it would be done within these 200 ms if it did not)
                pusher[0] = new Thread(() -> outbound.writeAll(List.of(socket), "late"));
                pusher[0].start();
                try {
                    pusher[0].join(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        outbound.welcome(socket, "welcome");
        pusher[0].join(10_000);
        assertFalse(pusher[0].isAlive(), "the push went out after the welcome");
        assertEquals(List.of("welcome", "m1", "m2", "late"), session.sent);
    }

    @Test
    void framesHeldBeforeTheWelcomeAreBoundedToo() {
        assertTrue(outbound.write(socket, "x".repeat(600)));
        assertFalse(outbound.write(socket, "x".repeat(600)), "1200 held bytes would pass 1000");
        assertEquals(List.of(Outbound.SLOW_CONSUMER), session.closes);
        outbound.welcome(socket, "welcome");
        assertTrue(session.sent.isEmpty(), "a closed socket gets no welcome");
    }

    @Test
    void aPushBelowOneAlreadyPushedInItsConversationIsNoticed() {
        assertEquals(0, socket.pushedOutOfOrder("d_1_2", 1));
        assertEquals(0, socket.pushedOutOfOrder("d_1_2", 3));
        assertEquals(3, socket.pushedOutOfOrder("d_1_2", 2), "2 after 3");
        assertEquals(0, socket.pushedOutOfOrder("d_1_3", 1), "another conversation: its own order");
        assertEquals(0, socket.pushedOutOfOrder("d_1_2", 4));
    }

    @Test
    void aReaderThatKeepsUpIsNeverClosed() {
        welcomed();
        for (int i = 0; i < 100; i++) {
            assertTrue(outbound.write(socket, "x".repeat(400)));
            session.flush();
        }
        assertTrue(session.closes.isEmpty());
        assertEquals(0, outbound.pendingBytes());
    }

    @Test
    void unflushedBytesOverTheLimitCloseTheSocketWith4412() {
        welcomed();
        assertTrue(outbound.write(socket, "x".repeat(400)));
        assertTrue(outbound.write(socket, "é".repeat(200)), "400 UTF-8 bytes: 800 pending");
        assertEquals(800, outbound.pendingBytes());
        assertEquals(800, registry.get("parley.gateway.outbound.pending.bytes").gauge().value(),
                "exported as a gauge");
        assertFalse(outbound.write(socket, "x".repeat(201)), "1001 bytes would pass 1000");
        assertEquals(List.of(Outbound.SLOW_CONSUMER), session.closes);
        assertEquals(4412, session.closes.get(0).getCode());
        assertEquals(1, outbound.closedCount());
        assertEquals(1, registry.get("parley.gateway.slow.consumers.closed").functionCounter()
                .count(), "exported as a counter");
        assertFalse(outbound.write(socket, "x"), "nothing more goes to a closed socket");
        assertEquals(2, session.unflushed.size(), "the refused frames were never queued");
        session.flush();
        assertEquals(0, outbound.pendingBytes(), "memory is given back as writes complete");
        assertEquals(0, registry.get("parley.gateway.outbound.pending.bytes").gauge().value());
    }

    @Test
    void aSessionClosedUnderTheWriteIsAFailedWriteNotAnException() {
        welcomed();
        session.throwOnSend = true;
        assertFalse(outbound.write(socket, "m1"), "not written, and nothing thrown");
        assertEquals(1, outbound.failedCount());
        assertEquals(0, outbound.pendingBytes());
        assertEquals(0, socket.outboundBytes().get(), "its bytes are given back");
    }
}
