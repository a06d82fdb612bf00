package io.parley.gateway.push;

import io.parley.contracts.frame.RecallFrame;
import io.parley.contracts.proto.Envelope;
import io.parley.contracts.proto.RoomChange;
import io.parley.contracts.proto.RoomDelivery;
import io.parley.gateway.GatewayIdentity;
import io.parley.gateway.room.RoomIndex;
import io.parley.gateway.ws.Connections;
import io.parley.platform.kafka.DeadLetters;
import io.parley.platform.kafka.EnvelopeConsumer;
import io.parley.platform.kafka.EnvelopeListener;
import io.parley.platform.kafka.KafkaSettings;
import io.parley.platform.kafka.TopicProvisioner;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Consumes {@code <ns>.rooms}, which every gateway reads in a consumer group of its own
 * ({@code <ns>.gateway.<id>.rooms}), on its own consumer thread and workers, apart from the push
 * topic: a busy large group delays no 1:1 push. A membership change updates the room index; a
 * large group's message goes to the local sockets of the room but the sending one and the
 * skipped (muted, unmentioned) users, written once and not kept for redelivery (the group's
 * timeline is the source of truth: clients fill a hole in its seqs from history); a recall without connections to every socket of the room.
 * Records are keyed by conversation, and a partition's records are handled in order, so a kick
 * is in the index before any later message of that group is written.
 */
@Singleton
public final class RoomListener extends EnvelopeListener {
    private final RoomIndex rooms;
    private final Connections connections;
    private final MessageWrites writes;
    private final String gatewayId;
    private final String topic;

    RoomListener(RoomIndex rooms, Connections connections, MessageWrites writes,
                 KafkaSettings kafka, TopicProvisioner topics, DeadLetters deadLetters,
                 GatewayIdentity gateway) {
        super(kafka, topics, deadLetters, "gateway." + gateway.id() + ".rooms");
        this.rooms = rooms;
        this.connections = connections;
        this.writes = writes;
        this.gatewayId = gateway.id();
        this.topic = kafka.roomsTopic();
    }

    /** Its stages are {@code kafka.rooms.*}, apart from the push topic's. */
    @Override
    protected String stage() {
        return "rooms";
    }

    @Override
    protected List<String> topics(KafkaSettings kafka) {
        return List.of(kafka.roomsTopic());
    }

    /** Rooms are for sockets open now, as pushes are: a new group starts at the end. */
    @Override
    protected EnvelopeConsumer.StartAt startAt() {
        return EnvelopeConsumer.StartAt.LATEST;
    }

    @Override
    public void handle(String key, Envelope envelope) {
        if (envelope.hasRoomChange()) {
            RoomChange c = envelope.getRoomChange();
            if (c.getClosed()) {
                rooms.close(c.getConversationId());
            } else {
                rooms.change(c.getConversationId(), c.getJoinedUserIdsList(),
                        c.getLeftUserIdsList());
            }
        } else if (envelope.hasRoomDelivery()) {
            RoomDelivery d = envelope.getRoomDelivery();
            writes.write(topic, audience(d), d.getMessage(), d.getIngressAtMs(), d.getTraceMap(),
                    false);
        } else if (envelope.hasRecalled()) {
            RecallFrame frame = RecallFrame.of(envelope.getRecalled().getMessage());
            for (RoomIndex.Member m : rooms.members(envelope.getRecalled().getMessage()
                    .getConversationId())) {
                connections.send(m.connectionId(), frame);
            }
        }
    }

    private List<String> audience(RoomDelivery d) {
        Set<Long> skipped = new HashSet<>(d.getSkippedUserIdsList());
        boolean senderHere = d.getSenderGatewayId().equals(gatewayId);
        List<String> out = new ArrayList<>();
        for (RoomIndex.Member m : rooms.members(d.getMessage().getConversationId())) {
            if (!skipped.contains(m.userId())
                    && !(senderHere && m.connectionId().equals(d.getSenderConnectionId()))) {
                out.add(m.connectionId());
            }
        }
        return out;
    }
}
