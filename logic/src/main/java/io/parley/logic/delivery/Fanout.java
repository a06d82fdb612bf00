package io.parley.logic.delivery;

import io.parley.contracts.proto.ChatMessage;
import io.parley.contracts.proto.Connection;
import io.parley.contracts.proto.Envelope;
import io.parley.contracts.proto.Failure;
import io.parley.contracts.proto.PresenceChange;
import io.parley.contracts.proto.ReadMark;
import io.parley.contracts.proto.SendResult;
import io.parley.platform.kafka.EnvelopeProducer;
import io.parley.platform.kafka.KafkaSettings;
import io.parley.platform.tracing.Traces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Set;
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
 * too; the sending connection gets the ack instead. A batch of sends becomes one
 * {@code PushBatch} record per gateway ({@link GatewayBatches}), acks and messages together.
 * Each method returns once Kafka has its records, so the upstream offset is committed only after
 * the push is durable; all records of a call are produced concurrently. A group message is
 * written to its online members only (at most {@code connectionsPerPush} connections per record):
 * the minimal group fan-out.
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
        this.live = live;
        this.presence = presence;
        this.producer = producer;
        this.kafka = kafka;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * A batch of sends was decided (one upstream partition's poll, {@code key} names it): acks or
     * refuses each sending connection and pushes each stored message to every live connection of
     * its audience but the sending one. Presence is asked once for the whole batch; every gateway
     * gets one record (keyed by {@code key}, so successive batches stay in order) and all are
     * produced at once; returns when Kafka has all.
     */
    public void sent(List<Sent> batch, String key) {
        Map<Sent, List<Long>> reached = live.of(batch);
        Set<Long> users = new LinkedHashSet<>();
        reached.values().forEach(users::addAll);
        Map<Long, List<Connection>> byUser = new HashMap<>();
        locate(List.copyOf(users)).forEach(c -> byUser.computeIfAbsent(c.getUserId(),
                u -> new ArrayList<>()).add(c));
        GatewayBatches records = new GatewayBatches(limits.connectionsPerPush());
        for (Sent s : batch) {
            Envelope up = s.upstream();
            SendResult.Builder result = SendResult.newBuilder()
                    .setClientMsgId(up.getChatSend().getClientMsgId());
            if (s.message() == null) {
                result.setFailure(Failure.newBuilder().setCode(s.refusal().error().code())
                        .setMessage(s.refusal().getMessage()));
                records.result(up.getGatewayId(), up.getConnectionId(), result.build());
                continue;
            }
            ChatMessage proto = s.message().toProto();
            records.result(up.getGatewayId(), up.getConnectionId(),
                    result.setStored(proto).build());
            Map<String, List<String>> byGateway = new TreeMap<>();
            for (Long user : reached.get(s)) {
                for (Connection c : byUser.getOrDefault(user, List.of())) {
                    boolean sendingSocket = c.getGatewayId().equals(up.getGatewayId())
                            && c.getConnectionId().equals(up.getConnectionId());
                    if (!sendingSocket) {
                        byGateway.computeIfAbsent(c.getGatewayId(), g -> new ArrayList<>())
                                .add(c.getConnectionId());
                    }
                }
            }
            Map<String, String> trace = Traces.carryOn(up.getTraceMap());
            byGateway.forEach((gateway, connections) -> records.deliver(gateway, proto,
                    connections, up.getIngressAtMs(), trace));
        }
        List<CompletableFuture<?>> sends = new ArrayList<>();
        records.build().forEach((gateway, pushes) -> pushes.forEach(push -> sends.add(
                producer.send(kafka.pushTopic(gateway), key, Envelope.newBuilder()
                        .setEnvelopeId(UUID.randomUUID().toString())
                        .setCreatedAtMs(clock.millis())
                        .setPushBatch(push).build()))));
        await(sends);
    }

    /**
     * A member moved their read cursor: tells every live connection of {@code told} (the
     * member's own devices clear the unread count; a direct peer shows "read").
     */
    public void readMark(String conversationId, long userId, long readSeq, List<Long> told) {
        Map<String, List<String>> byGateway = connectionsByGateway(told);
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
        connectionsByGateway(told).forEach((gateway, connections) -> sends.add(
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

    /** Live connections of {@code users} by gateway. */
    private Map<String, List<String>> connectionsByGateway(List<Long> users) {
        Map<String, List<String>> byGateway = new TreeMap<>();
        for (Connection c : locate(users)) {
            byGateway.computeIfAbsent(c.getGatewayId(), g -> new ArrayList<>())
                    .add(c.getConnectionId());
        }
        return byGateway;
    }

    /** Every live connection of {@code users}, asking session in bounded calls. */
    private List<Connection> locate(List<Long> users) {
        List<Connection> found = new ArrayList<>();
        for (int from = 0; from < users.size(); from += limits.locateBatchSize()) {
            found.addAll(presence.locate(users.subList(from,
                    Math.min(users.size(), from + limits.locateBatchSize()))));
        }
        return found;
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
