package io.parley.gateway.ws;

import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.frame.ErrorFrame;
import io.parley.contracts.frame.SendFrame;
import io.parley.gateway.ratelimit.SendRateLimiter;
import io.parley.gateway.upstream.UpstreamPublisher;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;

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
    private final LiveWsLimits limits;

    SendHandler(SendRateLimiter rate, UpstreamPublisher upstream, Connections connections,
                LiveWsLimits limits) {
        this.rate = rate;
        this.upstream = upstream;
        this.connections = connections;
        this.limits = limits;
    }

    void send(SocketConnection from, SendFrame frame) {
        if (!rate.tryAcquire(from.userId())) {
            refuse(from, frame, ErrorCode.RATE_LIMITED, ErrorCode.RATE_LIMITED.defaultMessage());
        } else if (frame.text().getBytes(StandardCharsets.UTF_8).length > limits.current().maxTextBytes()) {
            refuse(from, frame, ErrorCode.MESSAGE_TOO_LONG, "text is limited to "
                    + limits.current().maxTextBytes() + " bytes");
        } else if (!frame.isGroup() && frame.to() == from.userId()) {
            refuse(from, frame, ErrorCode.SEND_TO_SELF, ErrorCode.SEND_TO_SELF.defaultMessage());
        } else {
            upstream.publish(from, frame).whenComplete((ok, error) -> {
                if (error != null) {
                    refuse(from, frame, ErrorCode.UNAVAILABLE,
                            "the message was not accepted; retry with the same clientMsgId");
                }
            });
        }
    }

    private void refuse(SocketConnection from, SendFrame frame, ErrorCode code, String message) {
        connections.send(from, ErrorFrame.of(code, message, frame.clientMsgId()));
    }
}
