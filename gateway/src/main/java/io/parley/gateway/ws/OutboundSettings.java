package io.parley.gateway.ws;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Positive;

import java.time.Duration;

/**
 * Outbound buffering per socket.
 *
 * @param maxOutboundBytes frame bytes written to a socket but not yet flushed to the network; a
 *                         socket over this is a slow consumer and is closed with 4412
 * @param flushAfterBatches a push to many sockets is flushed when its event loop has run its
 *                          queued tasks, or after this many such pushes on the loop, whichever
 *                          comes first: frames queued together go out in one system call per
 *                          socket, and none waits behind a long queue (issue #12)
 * @param slowCloseTimeout how long a slow consumer's 4412 close frame may take to go out (it
 *                         queues behind the frames the reader did not take); after that the
 *                         connection is dropped without it ({@link SlowClose})
 * @param writeSlice at most this many sockets are written in one event-loop task for one push;
 *                   the rest of a large room's push waits for the loop's next turn, so acks and
 *                   1:1 frames queued on the loop meanwhile are not held behind all of its
 *                   sockets ({@link LoopWrites}, issue #12)
 */
@ConfigurationProperties("im.gateway.ws")
public record OutboundSettings(
        @Bindable(defaultValue = "1048576") @Positive long maxOutboundBytes,
        @Bindable(defaultValue = "16") @Positive int flushAfterBatches,
        @Bindable(defaultValue = "2s") Duration slowCloseTimeout,
        @Bindable(defaultValue = "256") @Positive int writeSlice) {
    public OutboundSettings {
        if (writeSlice <= 0) {
            throw new IllegalArgumentException("im.gateway.ws.write-slice must be positive: "
                    + writeSlice);
        }
        if (slowCloseTimeout == null || slowCloseTimeout.isNegative()
                || slowCloseTimeout.isZero()) {
            throw new IllegalArgumentException("im.gateway.ws.slow-close-timeout must be positive: "
                    + slowCloseTimeout);
        }
    }
}
