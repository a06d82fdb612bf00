package io.parley.logic.delivery;

import io.parley.contracts.proto.ChatMessage;
import io.parley.contracts.proto.Connection;
import io.parley.contracts.proto.Envelope;
import io.parley.contracts.proto.Failure;
import io.parley.contracts.proto.PresenceChange;
import io.parley.contracts.proto.ReadMark;
import io.parley.contracts.proto.Recalled;
import io.parley.contracts.proto.SendResult;
import io.parley.contracts.proto.Typing;
import io.parley.platform.kafka.EnvelopeProducer;
import io.parley.platform.kafka.KafkaSettings;
import io.parley.logic.inbox.Diffusion;
import io.parley.platform.tracing.Traces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
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
 * the push is durable; all records of a call are produced concurrently. A small group's message
 * is written to its online members (at most {@code connectionsPerPush} connections per record);
 * a large group's (over {@code im.logic.group.large-threshold} members) is one record on
 * {@code <ns>.rooms} for every gateway's room index ({@link RoomRecords}): no presence look-up.
 */
@Singleton
public final class Fanout {
    private final PresenceClient presence;
    private final EnvelopeProducer producer;
    private final KafkaSettings kafka;
    private final FanoutLimits limits;
    private final Clock clock;
    private final LiveAudience live;
    private final RoomRecords rooms;
    private final Diffusion diffusion;

    Fanout(PresenceClient presence, EnvelopeProducer producer, KafkaSettings kafka,
           FanoutLimits limits, Clock clock, LiveAudience live, RoomRecords rooms,
           Diffusion diffusion) {
        this.live = live;
        this.rooms = rooms;
        this.diffusion = diffusion;
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
        Map<Sent, Set<Long>> skipped = live.skipped(batch);
        Map<Sent, List<Long>> reached = new IdentityHashMap<>();
        Set<Long> users = new LinkedHashSet<>();
        for (Sent s : batch) {
            if (s.message() != null && !inRoom(s)) {
                Set<Long> skip = skipped.get(s);
                List<Long> audience = skip.isEmpty() ? s.audience()
                        : s.audience().stream().filter(u -> !skip.contains(u)).toList();
                reached.put(s, audience);
                users.addAll(audience);
            }
        }
        List<CompletableFuture<?>> sends = new ArrayList<>();
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
            Map<String, String> trace = Traces.carryOn(up.getTraceMap());
            if (inRoom(s)) {
                sends.add(rooms.deliver(proto, up, skipped.get(s), trace));
                continue;
            }
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
            byGateway.forEach((gateway, connections) -> records.deliver(gateway, proto,
                    connections, up.getIngressAtMs(), trace));
        }
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

    /**
     * A message was recalled: its tombstone goes to every live connection of every member, one
     * room record for a large group, push records per gateway otherwise.
     */
    public void recalled(ChatMessage tombstone) {
        List<Long> members = live.smallAudience(tombstone.getConversationId());
        if (members.isEmpty()) {
            await(List.of(rooms.recalled(tombstone)));
            return;
        }
        List<CompletableFuture<?>> sends = new ArrayList<>();
        connectionsByGateway(members).forEach((gateway, connections) -> sends.add(producer.send(
                kafka.pushTopic(gateway), tombstone.getConversationId(), Envelope.newBuilder()
                        .setEnvelopeId(UUID.randomUUID().toString())
                        .setCreatedAtMs(clock.millis())
                        .setConversationId(tombstone.getConversationId())
                        .setRecalled(Recalled.newBuilder().setMessage(tombstone)
                                .addAllConnectionIds(connections))
                        .build())));
        await(sends);
    }

    /** A large group's message goes through the rooms, a small group's or a pair's by presence. */
    private boolean inRoom(Sent s) {
        return s.upstream().getChatSend().getGroupId() != 0
                && diffusion.isLarge(s.audience().size());
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

    /**
     * {@code userId} is typing in {@code conversationId}: tells every live connection of
     * {@code told}, keyed by the conversation. Nothing waits on it beyond Kafka taking it.
     */
    public void typing(String conversationId, long userId, List<Long> told) {
        List<CompletableFuture<?>> sends = new ArrayList<>();
        connectionsByGateway(told).forEach((gateway, connections) -> sends.add(producer.send(
                kafka.pushTopic(gateway), conversationId, Envelope.newBuilder()
                        .setEnvelopeId(UUID.randomUUID().toString())
                        .setCreatedAtMs(clock.millis())
                        .setConversationId(conversationId)
                        .setSenderId(userId)
                        .setTyping(Typing.newBuilder().setConversationId(conversationId)
                                .setUserId(userId).addAllConnectionIds(connections))
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
