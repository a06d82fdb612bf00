package io.parley.gateway.push;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.parley.contracts.frame.MessageFrame;
import io.parley.contracts.proto.ChatMessage;
import io.parley.gateway.ws.Connections;
import io.parley.gateway.ws.SocketMeters;
import io.parley.platform.tracing.Traces;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * Writes one pushed message to its sockets, from a push topic or from a room: encoded once, kept
 * for redelivery until {@code received} (push topic only: a room's message is not), counted for the delivery latency, in a span of the
 * send's trace when it has one.
 */
@Singleton
final class MessageWrites {
    private final Connections connections;
    private final SocketMeters meters;

    MessageWrites(Connections connections, SocketMeters meters) {
        this.connections = connections;
        this.meters = meters;
    }

    /**
     * @param untilConfirmed kept per socket for redelivery until {@code received} (the push
     *                       topic); false for a large group's room, whose timeline clients fill
     *                       holes from ({@link Connections#pushRoom})
     */
    void write(String topic, List<String> connectionIds, ChatMessage message, long ingressAtMs,
               Map<String, String> trace, boolean untilConfirmed) {
        Span span = trace.isEmpty() ? Span.getInvalid()
                : Traces.start("consume " + topic, SpanKind.CONSUMER, trace);
        try {
            MessageFrame frame = MessageFrame.of(message);
            int written = untilConfirmed ? connections.pushAll(connectionIds, frame, ingressAtMs)
                    : connections.pushRoom(connectionIds, frame, ingressAtMs);
            for (int i = 0; i < written; i++) {
                meters.delivered(ingressAtMs);
            }
        } finally {
            span.end();
        }
    }
}
