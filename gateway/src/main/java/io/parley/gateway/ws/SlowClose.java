package io.parley.gateway.ws;

import io.micronaut.websocket.CloseReason;
import io.netty.channel.Channel;
import io.netty.util.concurrent.ScheduledFuture;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closes a socket that cannot keep up, within a deadline. The close frame queues behind the
 * socket's unflushed frames, and a reader that stopped reading takes none of them, so the frame
 * may never go out and the channel (Micronaut closes it once the frame is written) would linger,
 * holding its buffered bytes. So the channel is closed without the frame when it is still open
 * {@code im.gateway.ws.slow-close-timeout} after the close began: the client sees the connection
 * drop instead of 4412 and resyncs the same way. A session without a Netty channel (tests' fakes)
 * is only asked to close.
 */
final class SlowClose {
    private final Duration timeout;
    private final AtomicLong dropped = new AtomicLong();

    SlowClose(Duration timeout) {
        this.timeout = timeout;
    }

    /** Sends {@code reason}; drops the channel if it is still open after the timeout. */
    void close(SocketConnection c, CloseReason reason) {
        c.session().close(reason);
        Channel channel = SessionChannel.of(c.session());
        if (channel == null || !channel.isOpen()) {
            return;
        }
        ScheduledFuture<?> drop = channel.eventLoop().schedule(() -> {
            if (channel.isOpen()) {
                dropped.incrementAndGet();
                channel.close();
            }
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        channel.closeFuture().addListener(f -> drop.cancel(false));
    }

    /** Sockets closed without their close frame, which could not go out in time, since start. */
    long droppedCount() {
        return dropped.get();
    }
}
