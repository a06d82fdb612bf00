package io.parley.gateway.push;

import io.parley.contracts.frame.AckFrame;
import io.parley.contracts.frame.ErrorFrame;
import io.parley.contracts.frame.PeerTypingFrame;
import io.parley.contracts.frame.PresenceFrame;
import io.parley.contracts.frame.ReadFrame;
import io.parley.contracts.frame.ServerFrame;
import io.parley.contracts.proto.AddressedResult;
import io.parley.contracts.proto.Delivery;
import io.parley.contracts.proto.PushBatch;
import io.parley.contracts.proto.ChatMessage;
import io.parley.contracts.proto.Envelope;
import io.parley.contracts.proto.PresenceChange;
import io.parley.contracts.proto.ReadMark;
import io.parley.contracts.proto.SendResult;
import io.parley.contracts.proto.Typing;
import io.parley.gateway.GatewayIdentity;
import io.parley.gateway.ws.Connections;
import io.parley.contracts.frame.RecallFrame;
import io.parley.contracts.proto.Recalled;
import io.parley.platform.kafka.EnvelopeListener;
import io.parley.platform.kafka.DeadLetters;
import io.parley.platform.kafka.EnvelopeConsumer;
import io.parley.platform.kafka.KafkaSettings;
import io.parley.platform.kafka.TopicProvisioner;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Consumes this gateway's own push topic, {@code im.push.<gatewayId>}, and writes each record to
 * the sockets it names: a push batch (what one batch of sends produced for this gateway) becomes
 * the senders' acks and errors and the {@code message} frames, each encoded once for all its
 * sockets; a delivery becomes a {@code message} frame, a send result becomes the
 * sender's {@code ack} or {@code error}, a read mark a {@code read} frame, a friend's
 * presence change a {@code presence} frame, a recall a {@code recall} frame, a member typing
 * a {@code typing} frame. A socket that closed meanwhile is skipped; its user catches up from
 * history.
 */
@Singleton
public final class PushListener extends EnvelopeListener {
    private final Connections connections;
    private final String gatewayId;
    private final String pushTopic;
    private final MessageWrites writes;

    PushListener(Connections connections, KafkaSettings kafka, TopicProvisioner topics,
                 DeadLetters deadLetters, GatewayIdentity gateway, MessageWrites writes) {
        super(kafka, topics, deadLetters, "gateway." + gateway.id());
        this.connections = connections;
        this.writes = writes;
        this.gatewayId = gateway.id();
        this.pushTopic = kafka.pushTopic(gatewayId);
    }

    @Override
    protected List<String> topics(KafkaSettings kafka) {
        return List.of(kafka.pushTopic(gatewayId));
    }

    /** A push is for sockets open now: a new group starts at the end of the topic. */
    @Override
    protected EnvelopeConsumer.StartAt startAt() {
        return EnvelopeConsumer.StartAt.LATEST;
    }

    /** Writes the record's frames to the sockets it names. */
    @Override
    public void handle(String key, Envelope envelope) {
        if (envelope.hasPushBatch()) {
            PushBatch batch = envelope.getPushBatch();
            for (AddressedResult r : batch.getResultsList()) {
                connections.send(r.getConnectionId(), frame(r.getResult()));
            }
            for (Delivery d : batch.getDeliveriesList()) {
                deliver(d);
            }
        } else if (envelope.hasDelivery()) {
            deliver(envelope.getDelivery());
        } else if (envelope.hasReadMark()) {
            ReadMark mark = envelope.getReadMark();
            ReadFrame frame = new ReadFrame(mark.getConversationId(), mark.getUserId(),
                    mark.getReadSeq());
            mark.getConnectionIdsList().forEach(id -> connections.send(id, frame));
        } else if (envelope.hasPresenceChange()) {
            PresenceChange change = envelope.getPresenceChange();
            PresenceFrame frame = new PresenceFrame(change.getUserId(), change.getOnline(),
                    change.getAtMs());
            change.getConnectionIdsList().forEach(id -> connections.send(id, frame));
        } else if (envelope.hasRecalled()) {
            Recalled recalled = envelope.getRecalled();
            RecallFrame frame = RecallFrame.of(recalled.getMessage());
            recalled.getConnectionIdsList().forEach(id -> connections.send(id, frame));
        } else if (envelope.hasTyping()) {
            Typing typing = envelope.getTyping();
            PeerTypingFrame frame = new PeerTypingFrame(typing.getConversationId(),
                    typing.getUserId());
            typing.getConnectionIdsList().forEach(id -> connections.send(id, frame));
        } else if (envelope.hasSendResult()) {
            connections.send(envelope.getConnectionId(), frame(envelope.getSendResult()));
        }
    }

    /** The sender's {@code ack}, or the {@code error} naming its clientMsgId. */
    private static ServerFrame frame(SendResult result) {
        if (result.hasStored()) {
            ChatMessage m = result.getStored();
            return new AckFrame(result.getClientMsgId(), Long.toString(m.getMessageId()),
                    m.getConversationId(), m.getSeq(), m.getSentAtMs());
        }
        return new ErrorFrame(result.getFailure().getCode(), result.getFailure().getMessage(),
                result.getClientMsgId());
    }


    private void deliver(Delivery d) {
        writes.write(pushTopic, d.getConnectionIdsList(), d.getMessage(), d.getIngressAtMs(),
                d.getTraceMap(), true);
    }
}
