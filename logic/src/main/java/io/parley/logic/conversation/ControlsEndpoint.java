package io.parley.logic.conversation;

import io.grpc.stub.StreamObserver;
import io.parley.contracts.proto.ChatMessage;
import io.parley.contracts.proto.ConversationControlsGrpc;
import io.parley.contracts.proto.MuteReply;
import io.parley.contracts.proto.MuteRequest;
import io.parley.contracts.proto.RecallRequest;
import io.parley.logic.delivery.Fanout;
import io.parley.logic.message.Recall;
import io.parley.platform.rpc.GrpcErrors;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * gRPC face of a member's controls: mute a conversation, recall an own message (then the
 * {@code recall} frame goes to every live connection of the conversation's members).
 */
@Singleton
final class ControlsEndpoint extends ConversationControlsGrpc.ConversationControlsImplBase {
    private static final Logger LOG = LoggerFactory.getLogger(ControlsEndpoint.class);

    private final Mute mute;
    private final Recall recall;
    private final Fanout fanout;

    ControlsEndpoint(Mute mute, Recall recall, Fanout fanout) {
        this.mute = mute;
        this.recall = recall;
        this.fanout = fanout;
    }

    @Override
    public void mute(MuteRequest request, StreamObserver<MuteReply> observer) {
        GrpcErrors.respond(observer, () -> MuteReply.newBuilder()
                .setConversationId(request.getConversationId())
                .setMuted(mute.set(request.getUserId(), request.getConversationId(),
                        request.getMuted())).build());
    }

    @Override
    public void recall(RecallRequest request, StreamObserver<ChatMessage> observer) {
        GrpcErrors.respond(observer, () -> {
            ChatMessage tombstone = recall.recall(request.getUserId(),
                    request.getConversationId(), request.getMessageId());
            // after the commit: every online device of every member shows the tombstone; the
            // recall stands if the push fails (devices see it in history and sync)
            try {
                fanout.recalled(tombstone);
            } catch (RuntimeException e) {
                LOG.warn("recall of {} in {} stored, its live push failed: {}",
                        tombstone.getMessageId(), tombstone.getConversationId(), e.getMessage());
            }
            return tombstone;
        });
    }
}
