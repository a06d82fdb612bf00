package io.parley.gateway.upstream;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.parley.contracts.frame.SendFrame;
import io.parley.contracts.ids.ConversationIds;
import io.parley.contracts.proto.ChatSend;
import io.parley.contracts.proto.Envelope;
import io.parley.contracts.proto.Typing;
import io.parley.gateway.GatewayIdentity;
import io.parley.gateway.ws.SocketConnection;
import io.parley.platform.kafka.EnvelopeProducer;
import io.parley.platform.kafka.KafkaSettings;
import io.parley.platform.kafka.TopicProvisioner;
import io.parley.platform.tracing.Traces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Wraps a client's send (or typing signal) in the envelope (sender, this gateway, the socket, the device) and
 * produces it to {@code im.upstream}, keyed by conversation id ({@code d_<a>_<b>} or
 * {@code g_<groupId>}) so one conversation stays on one partition, in order. Completing means
 * Kafka has it (acks=all); the client's ack comes later, from logic, once the message is in MySQL.
 */
@Singleton
public final class UpstreamPublisher implements ApplicationEventListener<ServerStartupEvent> {
    private final EnvelopeProducer producer;
    private final KafkaSettings kafka;
    private final TopicProvisioner topics;
    private final String gatewayId;
    private final Clock clock;

    UpstreamPublisher(EnvelopeProducer producer, KafkaSettings kafka, TopicProvisioner topics,
                      GatewayIdentity gateway, Clock clock) {
        this.producer = producer;
        this.kafka = kafka;
        this.topics = topics;
        this.gatewayId = gateway.id();
        this.clock = clock;
    }

    /** Makes sure the topic exists before the first send, off the sockets' event loops. */
    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        topics.ensure(kafka.upstreamTopic());
    }

    public CompletableFuture<?> publish(SocketConnection from, SendFrame frame) {
        String conversationId = frame.isGroup() ? frame.conversationId()
                : ConversationIds.direct(from.userId(), frame.to());
        Envelope envelope = header(from, conversationId)
                .putAllTrace(Traces.current())
                .setChatSend(ChatSend.newBuilder()
                        .setClientMsgId(frame.clientMsgId())
                        .setRecipientId(frame.to())
                        .setGroupId(frame.groupId())
                        .setText(frame.text())
                        .setImageId(frame.imageId() == null ? "" : frame.imageId()))
                .build();
        return producer.send(kafka.upstreamTopic(), conversationId, envelope);
    }

    /**
     * The user is typing in {@code conversationId}: on the conversation's partition like its
     * sends, so logic sees it in order with them (a typing after a message is not shown before
     * it).
     */
    public CompletableFuture<?> publishTyping(SocketConnection from, String conversationId) {
        Envelope envelope = header(from, conversationId)
                .setTyping(Typing.newBuilder().setConversationId(conversationId))
                .build();
        return producer.send(kafka.upstreamTopic(), conversationId, envelope);
    }

    private Envelope.Builder header(SocketConnection from, String conversationId) {
        long now = clock.millis();
        return Envelope.newBuilder()
                .setEnvelopeId(UUID.randomUUID().toString())
                .setCreatedAtMs(now)
                .setIngressAtMs(now)
                .setConversationId(conversationId)
                .setSenderId(from.userId())
                .setGatewayId(gatewayId)
                .setConnectionId(from.connectionId())
                .setDeviceId(from.deviceId());
    }
}
