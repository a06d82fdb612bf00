package io.parley.logic.delivery;

import io.parley.contracts.proto.ChatMessage;
import io.parley.contracts.proto.Envelope;
import io.parley.contracts.proto.Recalled;
import io.parley.contracts.proto.RoomDelivery;
import io.parley.platform.kafka.EnvelopeProducer;
import io.parley.platform.kafka.KafkaSettings;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Large groups' pushes: one record per message on {@code <ns>.rooms} for all gateways, keyed by
 * the conversation id (the key of the group's membership changes too), whatever the number of
 * members; each gateway writes it to the sockets its room index holds. The cost of a message in
 * logic is one record, not a presence look-up per member (issue #12).
 */
@Singleton
final class RoomRecords {
    private final EnvelopeProducer producer;
    private final KafkaSettings kafka;
    private final Clock clock;

    RoomRecords(EnvelopeProducer producer, KafkaSettings kafka, Clock clock) {
        this.producer = producer;
        this.kafka = kafka;
        this.clock = clock;
    }

    /** {@code skipped}: members who get no live frame (muted, not mentioned). */
    CompletableFuture<?> deliver(ChatMessage message, Envelope upstream, Collection<Long> skipped,
                                 Map<String, String> trace) {
        return send(message.getConversationId(), Envelope.newBuilder()
                .setRoomDelivery(RoomDelivery.newBuilder().setMessage(message)
                        .setIngressAtMs(upstream.getIngressAtMs()).putAllTrace(trace)
                        .setSenderGatewayId(upstream.getGatewayId())
                        .setSenderConnectionId(upstream.getConnectionId())
                        .addAllSkippedUserIds(skipped)));
    }

    /** A tombstone for every socket of the room. */
    CompletableFuture<?> recalled(ChatMessage tombstone) {
        return send(tombstone.getConversationId(), Envelope.newBuilder()
                .setRecalled(Recalled.newBuilder().setMessage(tombstone)));
    }

    private CompletableFuture<?> send(String conversationId, Envelope.Builder envelope) {
        return producer.send(kafka.roomsTopic(), conversationId, envelope
                .setEnvelopeId(UUID.randomUUID().toString())
                .setCreatedAtMs(clock.millis())
                .setConversationId(conversationId).build());
    }
}
