package io.parley.gateway.ws;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.SingleThreadEventLoop;
import io.netty.util.concurrent.FastThreadLocal;

import java.util.ArrayList;
import java.util.List;

/**
 * Flushes written sockets once per event-loop iteration instead of once per frame. Each flush is
 * a {@code sendmsg} through the kernel's TCP stack: in the room burst's profile (issue #12) the
 * flushes were 27 % of a gateway's CPU, one per socket per message. A socket written by several
 * pushes that queued on its loop (a burst, a backlog) now gets them in one system call; a socket
 * written by one push is flushed when the loop finishes its current tasks, or after
 * {@code flushAfterBatches} pushes (or slices of one, {@link LoopWrites}), so a long task queue
 * never holds a frame back for long.
 * Touched only on each loop's own thread: the state is per thread.
 */
final class FlushBatches {
    private final int flushAfterBatches;
    private final FastThreadLocal<Dirty> dirty = new FastThreadLocal<>() {
        @Override
        protected Dirty initialValue() {
            return new Dirty();
        }
    };

    FlushBatches(int flushAfterBatches) {
        this.flushAfterBatches = flushAfterBatches;
    }

    /** On {@code loop}'s thread, after a push wrote {@code written}: they go out soon, together. */
    void later(EventLoop loop, List<Channel> written) {
        if (!(loop instanceof SingleThreadEventLoop tail)) {
            written.forEach(Channel::flush);
            return;
        }
        Dirty d = dirty.get();
        d.channels.addAll(written);
        if (++d.batches >= flushAfterBatches) {
            d.run();
        } else if (!d.scheduled) {
            d.scheduled = true;
            tail.executeAfterEventLoopIteration(d);
        }
    }

    private static final class Dirty implements Runnable {
        final List<Channel> channels = new ArrayList<>();
        int batches;
        boolean scheduled;

        /** Flushes each channel written since the last run; a channel flushed twice costs nothing. */
        @Override
        public void run() {
            for (Channel c : channels) {
                c.flush();
            }
            channels.clear();
            batches = 0;
            scheduled = false;
        }
    }
}
