package io.parley.logic.conversation;

import io.grpc.stub.StreamObserver;
import io.parley.contracts.proto.ChatMessage;
import io.parley.contracts.proto.ConversationControlsGrpc;
import io.parley.contracts.proto.MuteReply;
import io.parley.contracts.proto.MuteRequest;
import io.parley.contracts.proto.RecallRequest;
import io.parley.logic.message.Recall;
import io.parley.platform.rpc.GrpcErrors;
import jakarta.inject.Singleton;

/** gRPC face of a member's controls: mute a conversation, recall an own message. */
@Singleton
final class ControlsEndpoint extends ConversationControlsGrpc.ConversationControlsImplBase {
    private final Mute mute;
    private final Recall recall;

    ControlsEndpoint(Mute mute, Recall recall) {
        this.mute = mute;
        this.recall = recall;
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
        GrpcErrors.respond(observer, () -> recall.recall(request.getUserId(),
                request.getConversationId(), request.getMessageId()));
    }
}
