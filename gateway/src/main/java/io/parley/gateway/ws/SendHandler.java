package io.parley.gateway.ws;

import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.frame.ErrorFrame;
import io.parley.contracts.frame.SendFrame;
import io.parley.gateway.ratelimit.SendRateLimiter;
import io.parley.gateway.upstream.UpstreamPublisher;
import io.parley.platform.discovery.ServiceDirectory;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.parley.platform.tracing.Traces;
import io.parley.platform.metrics.Stage;
import jakarta.inject.Singleton;
import org.slf4j.MDC;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * A client's send, checked at the edge (rate, length, recipient) before it goes upstream. A
 * refusal here, or Kafka not taking the record, is answered at once with an {@code error} frame
 * naming the client message id, so the client knows to retry or give up. Whether a group's sender
 * is a member is for logic to say (4102, through the same {@code error} frame). With no logic
 * instance registered the send is refused at once with 9002; otherwise it gets 9002 when logic
 * does not answer within {@code im.gateway.ws.ack-timeout} ({@link AckDeadlines}). A send is
 * timed from its frame's arrival to its publish ({@code gateway.admitted}: the rate check's wait)
 * and to Kafka having it ({@code gateway.produced}).
 */
@Singleton
final class SendHandler {
    private static final String LOGIC = "logic";
    private final SendRateLimiter rate;
    private final UpstreamPublisher upstream;
    private final Connections connections;
    private final LiveWsLimits limits;
    private final AckDeadlines acks;
    private final ServiceDirectory directory;
    private final SocketMeters meters;
    private final Stage admitted = Stage.of("gateway.admitted");
    private final Stage produced = Stage.of("gateway.produced");

    SendHandler(SendRateLimiter rate, UpstreamPublisher upstream, Connections connections,
                LiveWsLimits limits, AckDeadlines acks, ServiceDirectory directory,
                SocketMeters meters) {
        this.meters = meters;
        this.rate = rate;
        this.upstream = upstream;
        this.connections = connections;
        this.limits = limits;
        this.acks = acks;
        this.directory = directory;
    }

    /**
     * Starts the message's trace (every later span, logic and recipients, descends from it), then
     * checks the rate (which may wait for Redis) and the rest; a socket's sends stay in arrival
     * order because each waits for the one before it ({@link SocketConnection#inOrder}).
     */
    void send(SocketConnection from, SendFrame frame) {
        long receivedAtMs = System.currentTimeMillis();
        meters.send();
        Span span = Traces.start("ws send", SpanKind.SERVER);
        span.setAttribute("parley.user_id", from.userId());
        span.setAttribute("parley.client_msg_id", frame.clientMsgId());
        from.inOrder(() -> rate.tryAcquire(from.userId()).thenCompose(allowed -> {
            try (Scope ignored = span.makeCurrent()) {
                MDC.put("traceId", span.getSpanContext().getTraceId());
                if (!allowed) {
                    refuse(from, frame, ErrorCode.RATE_LIMITED,
                            ErrorCode.RATE_LIMITED.defaultMessage());
                    return CompletableFuture.completedFuture(null);
                }
                return checked(from, frame, receivedAtMs);
            } finally {
                MDC.remove("traceId");
            }
        }).whenComplete((done, error) -> span.end()));
    }

    private CompletableFuture<?> checked(SocketConnection from, SendFrame frame,
                                         long receivedAtMs) {
        if (frame.text().getBytes(StandardCharsets.UTF_8).length > limits.current().maxTextBytes()) {
            refuse(from, frame, ErrorCode.MESSAGE_TOO_LONG, "text is limited to "
                    + limits.current().maxTextBytes() + " bytes");
        } else if (!frame.isGroup() && frame.to() == from.userId()) {
            refuse(from, frame, ErrorCode.SEND_TO_SELF, ErrorCode.SEND_TO_SELF.defaultMessage());
        } else if (directory.instances(LOGIC).isEmpty()) {
            refuse(from, frame, ErrorCode.UNAVAILABLE,
                    "no logic instance is running; retry with the same clientMsgId");
        } else {
            acks.expect(from.connectionId(), frame.clientMsgId(), () -> refuse(from, frame,
                    ErrorCode.UNAVAILABLE, "no answer from logic in time; retry with the same"
                            + " clientMsgId"));
            // Handed to the producer in order; the next send need not wait for Kafka's answer.
            admitted.sinceMs(receivedAtMs, System.currentTimeMillis());
            upstream.publish(from, frame).whenComplete((ok, error) -> {
                if (error == null) {
                    produced.sinceMs(receivedAtMs, System.currentTimeMillis());
                } else {
                    acks.settle(from.connectionId(), frame.clientMsgId());
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
