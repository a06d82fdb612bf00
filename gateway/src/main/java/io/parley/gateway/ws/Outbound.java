package io.parley.gateway.ws;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.websocket.CloseReason;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one place bytes go to a socket, with bounded buffering: each write adds its size to the
 * socket's unflushed bytes until Netty reports it written to the network. A socket whose unflushed
 * bytes would pass {@code im.gateway.ws.max-outbound-bytes} cannot keep up; it is closed with 4412
 * (the frame dropped), once: from then on it takes no frame (a push to it is skipped, not counted
 * as failed), and {@link SlowClose} drops its connection when the close frame, queued behind what
 * the reader did not take, has not gone out in {@code im.gateway.ws.slow-close-timeout}. Its
 * client resyncs from its seqs. So a gateway's memory stays bounded by sockets × the limit
 * whatever a reader does. Counted for {@code /info} (slowConsumers) and exported ({@code
 * parley_gateway_outbound_pending_bytes}, {@code parley_gateway_slow_consumers_closed_total},
 * {@code parley_gateway_slow_consumers_dropped_total}), so an operator sees the buffering stay
 * flat while a reader falls behind (issue #12).
 */
@Singleton
final class Outbound {
    private static final Logger LOG = LoggerFactory.getLogger(Outbound.class);
    static final CloseReason SLOW_CONSUMER = new CloseReason(4412, "slow consumer");

    private final OutboundSettings settings;
    private final AtomicLong closed = new AtomicLong();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final SlowClose slowClose;
    private final LoopWrites loops;

    Outbound(OutboundSettings settings, MeterRegistry registry) {
        this.settings = settings;
        this.slowClose = new SlowClose(settings.slowCloseTimeout());
        this.loops = new LoopWrites(settings.writeSlice(),
                new FlushBatches(settings.flushAfterBatches()), this::writeOnLoop);
        Gauge.builder("parley.gateway.outbound.pending.bytes", pending, AtomicLong::get)
                .description("bytes written to sockets and not yet flushed to the network")
                .baseUnit("bytes").register(registry);
        FunctionCounter.builder("parley.gateway.slow.consumers.closed", closed, AtomicLong::get)
                .description("sockets closed with 4412: their unflushed bytes passed the limit")
                .register(registry);
        FunctionCounter.builder("parley.gateway.slow.consumers.dropped", slowClose,
                        SlowClose::droppedCount)
                .description("slow consumers whose 4412 close frame could not go out in time:"
                        + " their connection was dropped without it")
                .register(registry);
    }

    /**
     * False when the socket was closed as a slow consumer (or was closed, or is being closed,
     * already: nothing is written to a socket after its close began). Before the
     * socket's {@code welcome} the frame is held and goes out right after it ({@link #welcome}),
     * so a client sees {@code welcome} first and every frame after it in the order written.
     */
    boolean write(SocketConnection c, String text) {
        if (!c.isOpen()) {
            return false;
        }
        long bytes = bytesOf(text);
        if (!c.welcomed()) {
            synchronized (c) {
                if (c.hold(text, bytes, settings.maxOutboundBytes())) {
                    return true;
                }
                if (!c.welcomed()) {
                    return closeSlow(c);
                }
            }
        }
        return writeNow(c, text, bytes);
    }

    /**
     * Writes one frame to many sockets as {@link #write} does, bounded the same way, but encoded
     * to UTF-8 once: every socket's Netty frame is a view of one shared buffer, written on the
     * socket's event loop (not one cross-thread task per socket), at most
     * {@code im.gateway.ws.write-slice} sockets per loop task, and flushed with what else that
     * loop wrote meanwhile ({@link FlushBatches}). A socket's frames keep the order they were
     * written in, whichever of the two methods wrote them ({@link LoopWrites}). Returns how many
     * sockets took the frame (held before their {@code welcome} counts).
     */
    int writeAll(List<SocketConnection> sockets, String text) {
        return writeAll(sockets, text, 0);
    }

    /**
     * As {@link #writeAll(List, String)}, timing each slice's write on its loop from the
     * message's gateway ingress ({@code gateway.written}; 0: unknown, not timed).
     */
    int writeAll(List<SocketConnection> sockets, String text, long ingressAtMs) {
        ByteBuf shared = shared(text);
        long bytes = shared.readableBytes();
        Map<EventLoop, List<SocketConnection>> byLoop = new HashMap<>();
        int taken = 0;
        for (SocketConnection c : sockets) {
            Channel channel = SessionChannel.of(c.session());
            if (channel == null || !c.welcomed()) {
                if (write(c, text)) {
                    taken++;
                }
            } else if (!c.isOpen()) {
                continue;
            } else if (c.outboundBytes().addAndGet(bytes) > settings.maxOutboundBytes()) {
                c.outboundBytes().addAndGet(-bytes);
                closeSlow(c);
            } else {
                byLoop.computeIfAbsent(channel.eventLoop(), l -> new ArrayList<>()).add(c);
                taken++;
            }
        }
        LoopWrites.Frame frame = new LoopWrites.Frame(shared, bytes, ingressAtMs, false);
        for (Map.Entry<EventLoop, List<SocketConnection>> e : byLoop.entrySet()) {
            pending.addAndGet(bytes * e.getValue().size());
            loops.push(e.getKey(), e.getValue(), frame);
        }
        return taken;
    }

    /** On the socket's loop, once the frames before this one for it are written. */
    private Channel writeOnLoop(SocketConnection c, LoopWrites.Frame frame) {
        long bytes = frame.bytes();
        if (c.closing()) {
            // closed as slow after it took this frame: the frame would only queue behind the
            // close frame
            c.outboundBytes().addAndGet(-bytes);
            pending.addAndGet(-bytes);
            return null;
        }
        Channel channel = SessionChannel.of(c.session());
        channel.write(new TextWebSocketFrame(frame.shared().duplicate())).addListener(f -> {
            c.outboundBytes().addAndGet(-bytes);
            pending.addAndGet(-bytes);
            if (!f.isSuccess()) {
                countFailed(c, f.cause());
            }
        });
        return channel;
    }

    /** Writes the socket's {@code welcome}, then every frame held for it, in order. */
    void welcome(SocketConnection c, String welcome) {
        synchronized (c) {
            if (!c.isOpen()) {
                return;
            }
            try {
                writeNow(c, welcome, bytesOf(welcome));
                for (String text : c.takeHeld()) {
                    writeNow(c, text, bytesOf(text));
                }
            } finally {
                // only now: a push that saw "not welcomed" waits for this lock, and one that
                // sees "welcomed" comes after the held frames
                c.markWelcomed();
            }
        }
    }

    private boolean writeNow(SocketConnection c, String text, long bytes) {
        long now = c.outboundBytes().addAndGet(bytes);
        if (now > settings.maxOutboundBytes()) {
            c.outboundBytes().addAndGet(-bytes);
            return closeSlow(c);
        }
        Channel channel = SessionChannel.of(c.session());
        if (channel != null) {
            // through the socket's loop backlog, not sendAsync: a frame must not overtake a push
            // still waiting there for this socket (LoopWrites)
            pending.addAndGet(bytes);
            loops.single(channel.eventLoop(), c, new LoopWrites.Frame(shared(text), bytes, 0, true));
            return true;
        }
        CompletableFuture<String> sent;
        try {
            sent = c.session().sendAsync(text);
        } catch (RuntimeException closedMeanwhile) {
            // the session closed between the isOpen check and this write (another thread closed
            // it as a slow consumer, or the client left): Micronaut throws "Session closed".
            // Thrown on, it failed the whole push record, whose retry pushed every other socket
            // of it again, out of order (SlowConsumerIT); this socket's user catches up instead.
            c.outboundBytes().addAndGet(-bytes);
            countFailed(c, closedMeanwhile);
            return false;
        }
        pending.addAndGet(bytes);
        sent.whenComplete((ok, error) -> {
            c.outboundBytes().addAndGet(-bytes);
            pending.addAndGet(-bytes);
            // the client went away under the write (ClosedChannelException): its user catches
            // up from history
            if (error != null) {
                countFailed(c, error.getCause() == null ? error : error.getCause());
            }
        });
        return true;
    }

    /**
     * Counted for {@code /info}, one log line per thousand. Writes that fail because this gateway
     * closed the socket (a slow consumer dropped with its frames queued) are not network failures.
     */
    private void countFailed(SocketConnection c, Throwable why) {
        if (c.closing()) {
            return;
        }
        if (failed.incrementAndGet() % 1000 == 1) {
            LOG.info("a write to socket {} failed ({} so far): {}", c.connectionId(),
                    failed.get(), why.toString());
        }
    }

    /** Closes the socket with 4412, once whoever calls first; always false (frame not taken). */
    private boolean closeSlow(SocketConnection c) {
        if (c.startClosing()) {
            closed.incrementAndGet();
            slowClose.close(c, SLOW_CONSUMER);
        }
        return false;
    }

    /** Sockets closed as slow consumers since start. */
    long closedCount() {
        return closed.get();
    }

    /** Slow consumers dropped without their close frame, which could not go out in time. */
    long droppedCount() {
        return slowClose.droppedCount();
    }

    /** Writes the network refused (the socket broke under them) since start. */
    long failedCount() {
        return failed.get();
    }

    /** Unflushed bytes over all sockets right now. */
    long pendingBytes() {
        return pending.get();
    }

    long limit() {
        return settings.maxOutboundBytes();
    }

    /**
     * The frame's UTF-8 bytes, which every socket's Netty frame views: never released, the
     * garbage collector frees it with the last view.
     */
    private static ByteBuf shared(String text) {
        return Unpooled.unreleasableBuffer(
                Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static long bytesOf(String text) {
        return text.length() + utf8Extra(text);
    }

    private static long utf8Extra(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return text.getBytes(StandardCharsets.UTF_8).length - text.length();
            }
        }
        return 0;
    }
}
