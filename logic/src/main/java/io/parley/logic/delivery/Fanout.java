package io.parley.logic.delivery;

import io.parley.contracts.error.ParleyException;
import io.parley.contracts.proto.ChatMessage;
import io.parley.contracts.proto.Connection;
import io.parley.contracts.proto.Delivery;
import io.parley.contracts.proto.Envelope;
import io.parley.contracts.proto.Failure;
import io.parley.contracts.proto.PresenceChange;
import io.parley.contracts.proto.ReadMark;
import io.parley.contracts.proto.SendResult;
import io.parley.logic.message.Message;
import io.parley.platform.kafka.EnvelopeProducer;
import io.parley.platform.kafka.KafkaSettings;
import io.parley.platform.tracing.Traces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Routes persisted messages to sockets: asks session for every live connection of the members
 * (in batches, for groups), groups them by gateway, and produces push records per gateway to
 * {@code im.push.<gatewayId>}. The sender's own other connections (tabs, devices) get the message
 * too; the sending connection gets the ack instead. Each method returns once Kafka has its
 * records, so the upstream offset is committed only after the push is durable; the ack and the
 * pushes are produced concurrently. A group message is written to its online members only, one
 * record per gateway (or per {@code connectionsPerPush} connections): the minimal group fan-out.
 */
@Singleton
public final class Fanout {
    private final PresenceClient presence;
    private final EnvelopeProducer producer;
    private final KafkaSettings kafka;
    private final FanoutLimits limits;
    private final Clock clock;
    private final LiveAudience live;

    Fanout(PresenceClient presence, EnvelopeProducer producer, KafkaSettings kafka,
           FanoutLimits limits, Clock clock, LiveAudience live) {
        this.presence = presence;
        this.producer = producer;
        this.kafka = kafka;
        this.limits = limits;
        this.clock = clock;
        this.live = live;
    }

    /**
     * A message was stored: acks the sending connection and pushes the message to every live
     * connection of its audience (both members of a direct conversation, every member of a group)
     * but the sending one, all at once; returns when Kafka has all.
     */
    public void stored(Envelope upstream, Message message, List<Long> audience) {
        List<CompletableFuture<?>> sends = new ArrayList<>();
        sends.add(reply(upstream, SendResult.newBuilder()
                .setClientMsgId(upstream.getChatSend().getClientMsgId())
                .setStored(message.toProto()).build()));
        ChatMessage proto = message.toProto();
        int chunk = limits.connectionsPerPush();
        List<Long> reached = live.of(message, audience);
        connectionsByGateway(reached, upstream).forEach((gateway, connections) -> {
            for (int from = 0; from < connections.size(); from += chunk) {
                sends.add(producer.send(kafka.pushTopic(gateway), message.conversationId(),
                        envelope(upstream).setDelivery(Delivery.newBuilder().setMessage(proto)
                                .addAllConnectionIds(connections.subList(from,
                                        Math.min(connections.size(), from + chunk)))).build()));
            }
        });
        await(sends);
    }

    /**
     * A member moved their read cursor: tells every live connection of {@code told} (the
     * member's own devices clear the unread count; a direct peer shows "read").
     */
    public void readMark(String conversationId, long userId, long readSeq, List<Long> told) {
        Map<String, List<String>> byGateway = connectionsByGateway(told, null);
        List<CompletableFuture<?>> sends = new ArrayList<>();
        byGateway.forEach((gateway, connections) -> sends.add(producer.send(
                kafka.pushTopic(gateway), conversationId, Envelope.newBuilder()
                        .setEnvelopeId(UUID.randomUUID().toString())
                        .setCreatedAtMs(clock.millis())
                        .setConversationId(conversationId)
                        .setSenderId(userId)
                        .setReadMark(ReadMark.newBuilder().setConversationId(conversationId)
                                .setUserId(userId).setReadSeq(readSeq)
                                .addAllConnectionIds(connections))
                        .build())));
        await(sends);
    }

    /** A user came online or went offline: tells every live connection of {@code told}. */
    public void presence(PresenceChange change, List<Long> told) {
        List<CompletableFuture<?>> sends = new ArrayList<>();
        connectionsByGateway(told, null).forEach((gateway, connections) -> sends.add(
                producer.send(kafka.pushTopic(gateway), Long.toString(change.getUserId()),
                        Envelope.newBuilder()
                                .setEnvelopeId(UUID.randomUUID().toString())
                                .setCreatedAtMs(clock.millis())
                                .setSenderId(change.getUserId())
                                .setPresenceChange(change.toBuilder()
                                        .clearConnectionIds().addAllConnectionIds(connections))
                                .build())));
        await(sends);
    }

    /** A send was refused: tells the sending connection why. */
    public void refused(Envelope upstream, ParleyException refusal) {
        await(List.of(reply(upstream, SendResult.newBuilder()
                .setClientMsgId(upstream.getChatSend().getClientMsgId())
                .setFailure(Failure.newBuilder().setCode(refusal.error().code())
                        .setMessage(refusal.getMessage())).build())));
    }

    /** Live connections of {@code users} by gateway, leaving out the sending one if given. */
    private Map<String, List<String>> connectionsByGateway(List<Long> users, Envelope upstream) {
        Map<String, List<String>> byGateway = new TreeMap<>();
        for (int from = 0; from < users.size(); from += limits.locateBatchSize()) {
            List<Long> batch = users.subList(from,
                    Math.min(users.size(), from + limits.locateBatchSize()));
            for (Connection c : presence.locate(batch)) {
                boolean sendingSocket = upstream != null
                        && c.getGatewayId().equals(upstream.getGatewayId())
                        && c.getConnectionId().equals(upstream.getConnectionId());
                if (!sendingSocket) {
                    byGateway.computeIfAbsent(c.getGatewayId(), g -> new ArrayList<>())
                            .add(c.getConnectionId());
                }
            }
        }
        return byGateway;
    }

    private CompletableFuture<?> reply(Envelope upstream, SendResult result) {
        return producer.send(kafka.pushTopic(upstream.getGatewayId()),
                upstream.getConversationId(), envelope(upstream)
                        .setConnectionId(upstream.getConnectionId())
                        .setSendResult(result).build());
    }

    private Envelope.Builder envelope(Envelope upstream) {
        return Envelope.newBuilder()
                .setEnvelopeId(UUID.randomUUID().toString())
                .setCreatedAtMs(clock.millis())
                .setConversationId(upstream.getConversationId())
                .setSenderId(upstream.getSenderId())
                .setGatewayId(upstream.getGatewayId())
                .setDeviceId(upstream.getDeviceId())
                .setIngressAtMs(upstream.getIngressAtMs())
                .putAllTrace(Traces.carryOn(upstream.getTraceMap()));
    }

    private void await(List<CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(kafka.sendTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pushing", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("push to Kafka failed", e);
        }
    }
}
