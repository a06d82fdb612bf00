package io.parley.gateway.ws;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Positive;

/**
 * Outbound buffering per socket.
 *
 * @param maxOutboundBytes frame bytes written to a socket but not yet flushed to the network; a
 *                         socket over this is a slow consumer and is closed with 4412
 * @param flushAfterBatches a push to many sockets is flushed when its event loop has run its
 *                          queued tasks, or after this many such pushes on the loop, whichever
 *                          comes first: frames queued together go out in one system call per
 *                          socket, and none waits behind a long queue (issue #12)
 */
@ConfigurationProperties("im.gateway.ws")
public record OutboundSettings(
        @Bindable(defaultValue = "1048576") @Positive long maxOutboundBytes,
        @Bindable(defaultValue = "16") @Positive int flushAfterBatches) {
}
