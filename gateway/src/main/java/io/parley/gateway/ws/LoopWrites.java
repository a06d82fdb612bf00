package io.parley.gateway.ws;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.parley.platform.metrics.Stage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The frames waiting to be written on each event loop, written at most {@code slice} sockets per
 * loop task. A large group's message to 1,700 sockets of one loop was one task: an ack or a 1:1
 * message queued on that loop meanwhile waited for all 1,700 writes (issue #12). Now a push
 * writes {@code slice} sockets, leaves the rest in its loop's backlog and submits the next slice
 * to the tail of the loop's task queue, so what was queued meanwhile runs between two slices.
 *
 * <p>Order per socket: a socket's frames are written in the order they reached its loop. A frame
 * for a socket that has frames in the backlog joins the backlog behind them (the backlog is
 * written first in, first out); a frame for a socket with nothing waiting is written at once,
 * whatever else waits, so a 1:1 frame does not wait for a room it has no part in. Each socket
 * counts its frames waiting ({@link SocketConnection#waitingOnLoop}); the backlog and those
 * counts are read and changed on their loop only, so the decision needs no lock. Pushes always
 * reach the loop as a task ({@link #push}); a single frame written on the loop itself (an
 * error or pong answering the socket's own frame) is handed over at once ({@link #single}), as
 * Micronaut's {@code sendAsync} wrote it; nothing on a loop pushes to many sockets.
 */
final class LoopWrites {
    /** Writes one frame to one socket on its loop; the channel written, or null when skipped. */
    interface SocketWriter {
        Channel write(SocketConnection socket, Frame frame);
    }

    /**
     * One encoded frame: each socket's Netty frame is a view of {@code shared}, which is never
     * released. {@code single}: a frame for one socket, flushed at once as {@code sendAsync}
     * did; a push's sockets are flushed together by {@link FlushBatches}.
     */
    record Frame(ByteBuf shared, long bytes, long ingressAtMs, boolean single) {
    }

    private final int slice;
    private final FlushBatches flushes;
    private final SocketWriter writer;
    private final Stage onLoop = Stage.of("gateway.written");
    /** One per event loop holding sockets: a fixed set, made on first use. */
    private final Map<EventLoop, Backlog> backlogs = new ConcurrentHashMap<>();

    /** {@code slice} is positive ({@link OutboundSettings#writeSlice} is checked there). */
    LoopWrites(int slice, FlushBatches flushes, SocketWriter writer) {
        this.slice = slice;
        this.flushes = flushes;
        this.writer = writer;
    }

    /** Writes {@code frame} to sockets of {@code loop}, from a task on that loop. */
    void push(EventLoop loop, List<SocketConnection> sockets, Frame frame) {
        Backlog backlog = backlog(loop);
        loop.execute(() -> backlog.accept(sockets, frame));
    }

    /** Writes a frame to one socket of {@code loop}: at once when called on that loop. */
    void single(EventLoop loop, SocketConnection socket, Frame frame) {
        Backlog backlog = backlog(loop);
        if (loop.inEventLoop()) {
            backlog.accept(List.of(socket), frame);
        } else {
            loop.execute(() -> backlog.accept(List.of(socket), frame));
        }
    }

    private Backlog backlog(EventLoop loop) {
        Backlog backlog = backlogs.get(loop);
        return backlog != null ? backlog : backlogs.computeIfAbsent(loop, Backlog::new);
    }

    /** A frame and the sockets of one loop still to get it, from {@code next} on. */
    private static final class Pending {
        final List<SocketConnection> sockets;
        final Frame frame;
        int next;

        Pending(List<SocketConnection> sockets, Frame frame) {
            this.sockets = sockets;
            this.frame = frame;
        }

        boolean done() {
            return next == sockets.size();
        }
    }

    /**
     * One loop's frames not yet written, oldest first. Touched on its loop only. A task to write
     * the next slice is queued on the loop exactly while the backlog is not empty.
     */
    private final class Backlog implements Runnable {
        private final EventLoop loop;
        private final ArrayDeque<Pending> waiting = new ArrayDeque<>();

        Backlog(EventLoop loop) {
            this.loop = loop;
        }

        void accept(List<SocketConnection> sockets, Frame frame) {
            Pending p = new Pending(sockets, frame);
            // the first slice goes now when nothing waits at all, or when the frame fits one
            // slice and none of its sockets has a frame waiting (then it is written whole)
            if (!waiting.isEmpty() && (sockets.size() > slice || !noneWaiting(sockets))) {
                queue(p);
                return;
            }
            List<Channel> written = new ArrayList<>(Math.min(sockets.size(), slice));
            writeSlice(p, slice, written);
            flush(p.frame, written);
            if (!p.done()) {
                queue(p);
                loop.execute(this);
            }
        }

        /** The next slice: at most {@code slice} socket writes from the oldest frames on. */
        @Override
        public void run() {
            List<Channel> written = new ArrayList<>();
            int budget = slice;
            while (budget > 0 && !waiting.isEmpty()) {
                Pending head = waiting.peekFirst();
                int before = head.next;
                List<Channel> mine = head.frame.single() ? new ArrayList<>(1) : written;
                writeSlice(head, budget, mine);
                for (int i = before; i < head.next; i++) {
                    head.sockets.get(i).leftLoopQueue();
                }
                if (head.frame.single()) {
                    flush(head.frame, mine);
                }
                budget -= head.next - before;
                if (head.done()) {
                    waiting.pollFirst();
                }
            }
            if (!written.isEmpty()) {
                flushes.later(loop, written);
            }
            if (!waiting.isEmpty()) {
                loop.execute(this); // the tail of the task queue: what came meanwhile runs first
            }
        }

        private void queue(Pending p) {
            for (int i = p.next; i < p.sockets.size(); i++) {
                p.sockets.get(i).queuedOnLoop();
            }
            waiting.addLast(p);
        }

        private void writeSlice(Pending p, int budget, List<Channel> written) {
            int end = Math.min(p.sockets.size(), p.next + budget);
            for (int i = p.next; i < end; i++) {
                Channel channel = writer.write(p.sockets.get(i), p.frame);
                if (channel != null) {
                    written.add(channel);
                }
            }
            if (end > p.next) {
                onLoop.sinceMs(p.frame.ingressAtMs(), System.currentTimeMillis());
            }
            p.next = end;
        }

        private void flush(Frame frame, List<Channel> written) {
            if (frame.single()) {
                written.forEach(Channel::flush);
            } else {
                flushes.later(loop, written);
            }
        }
    }

    private static boolean noneWaiting(List<SocketConnection> sockets) {
        for (SocketConnection c : sockets) {
            if (c.waitingOnLoop()) {
                return false;
            }
        }
        return true;
    }
}
