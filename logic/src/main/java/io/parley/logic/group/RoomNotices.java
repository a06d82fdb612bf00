package io.parley.logic.group;

import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import io.parley.contracts.ids.ConversationIds;
import io.parley.contracts.proto.Envelope;
import io.parley.contracts.proto.RoomChange;
import io.parley.platform.kafka.EnvelopeProducer;
import io.parley.platform.kafka.KafkaSettings;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Tells every gateway's room index who joined and left a group, on {@code <ns>.rooms} keyed by
 * the group's conversation id (the key of its large-group messages too, so both reach a gateway
 * in one order). Leaves are produced <em>before</em> the change commits and awaited: a message
 * persisted after the commit is produced after the leave and can reach no socket of the member
 * who left. They are produced again after the commit, with the joins, for a socket whose group
 * list was read before the commit (the index lets a later change win over a list). A change that
 * rolls back after announcing leaves announces the members back.
 */
@Singleton
final class RoomNotices {
    private static final Logger LOG = LoggerFactory.getLogger(RoomNotices.class);

    private final EnvelopeProducer producer;
    private final KafkaSettings kafka;
    private final Clock clock;

    RoomNotices(EnvelopeProducer producer, KafkaSettings kafka, Clock clock) {
        this.producer = producer;
        this.kafka = kafka;
        this.clock = clock;
    }

    /** Inside the change's transaction, right before it commits. */
    void beforeCommit(long groupId, RoomMoves moves) {
        if (!moves.left.isEmpty() || moves.closed) {
            send(groupId, List.of(), moves.left, moves.closed);
        }
    }

    void afterCommit(long groupId, RoomMoves moves) {
        if (!moves.isEmpty()) {
            send(groupId, moves.joined, moves.left, moves.closed);
        }
    }

    /** The change rolled back: best effort, the leaves announced before did not happen. */
    void rolledBack(long groupId, RoomMoves moves) {
        if (!moves.left.isEmpty() && !moves.closed) {
            try {
                send(groupId, moves.left, List.of(), false);
            } catch (RuntimeException e) {
                LOG.warn("group {}: could not take back the room leaves of a rolled back change"
                        + " (their sockets get the group's pushes again after a reconnect): {}",
                        groupId, e.getMessage());
            }
        }
    }

    private void send(long groupId, List<Long> joined, List<Long> left, boolean closed) {
        String conversation = ConversationIds.group(groupId);
        try {
            producer.send(kafka.roomsTopic(), conversation, Envelope.newBuilder()
                    .setEnvelopeId(UUID.randomUUID().toString())
                    .setCreatedAtMs(clock.millis())
                    .setConversationId(conversation)
                    .setRoomChange(RoomChange.newBuilder().setConversationId(conversation)
                            .addAllJoinedUserIds(joined).addAllLeftUserIds(left)
                            .setClosed(closed))
                    .build()).get(kafka.sendTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ParleyException(ErrorCode.UNAVAILABLE, "interrupted announcing a room change");
        } catch (ExecutionException | TimeoutException e) {
            throw new ParleyException(ErrorCode.UNAVAILABLE, "the room change could not be "
                    + "announced (Kafka): " + e.getMessage());
        }
    }
}
