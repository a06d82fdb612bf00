package io.parley.gateway.ws;

import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.frame.ErrorFrame;
import io.parley.contracts.frame.SendFrame;
import io.parley.gateway.ratelimit.SendRateLimiter;
import io.parley.gateway.upstream.UpstreamPublisher;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * A client's send, checked at the edge (rate, length, recipient) before it goes upstream. A
 * refusal here, or Kafka not taking the record, is answered at once with an {@code error} frame
 * naming the client message id, so the client knows to retry or give up. Whether a group's sender
 * is a member is for logic to say (4102, through the same {@code error} frame).
 */
@Singleton
final class SendHandler {
    private final SendRateLimiter rate;
    private final UpstreamPublisher upstream;
    private final Connections connections;
    private final WsLimits limits;

    SendHandler(SendRateLimiter rate, UpstreamPublisher upstream, Connections connections,
                WsLimits limits) {
        this.rate = rate;
        this.upstream = upstream;
        this.connections = connections;
        this.limits = limits;
    }

    /**
     * Checks the rate (which may wait for Redis) and then the rest; a socket's sends stay in
     * arrival order because each waits for the one before it ({@link SocketConnection#inOrder}).
     */
    void send(SocketConnection from, SendFrame frame) {
        from.inOrder(() -> rate.tryAcquire(from.userId()).thenCompose(allowed -> {
            if (!allowed) {
                refuse(from, frame, ErrorCode.RATE_LIMITED,
                        ErrorCode.RATE_LIMITED.defaultMessage());
                return CompletableFuture.completedFuture(null);
            }
            return checked(from, frame);
        }));
    }

    private CompletableFuture<?> checked(SocketConnection from, SendFrame frame) {
        if (frame.text().getBytes(StandardCharsets.UTF_8).length > limits.maxTextBytes()) {
            refuse(from, frame, ErrorCode.MESSAGE_TOO_LONG, "text is limited to "
                    + limits.maxTextBytes() + " bytes");
        } else if (!frame.isGroup() && frame.to() == from.userId()) {
            refuse(from, frame, ErrorCode.SEND_TO_SELF, ErrorCode.SEND_TO_SELF.defaultMessage());
        } else {
            // Handed to the producer in order; the next send need not wait for Kafka's answer.
            upstream.publish(from, frame).whenComplete((ok, error) -> {
                if (error != null) {
                    refuse(from, frame, ErrorCode.UNAVAILABLE,
                            "the message was not accepted; retry with the same clientMsgId");
                }
            });
        }
        return CompletableFuture.completedFuture(null);
    }

    private void refuse(SocketConnection from, SendFrame frame, ErrorCode code, String message) {
        connections.send(from, ErrorFrame.of(code, message, frame.clientMsgId()));
    }
}
