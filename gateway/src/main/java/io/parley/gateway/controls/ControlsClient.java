package io.parley.gateway.controls;

import io.parley.contracts.proto.ChatMessage;
import io.parley.contracts.proto.ConversationControlsGrpc;
import io.parley.contracts.proto.MuteReply;
import io.parley.contracts.proto.MuteRequest;
import io.parley.contracts.proto.RecallRequest;
import io.parley.platform.discovery.ServiceChannels;
import io.parley.platform.rpc.RpcGuard;
import io.parley.platform.rpc.RpcGuards;
import jakarta.inject.Singleton;

import java.util.concurrent.TimeUnit;

/** Calls logic's conversation controls. Mute is idempotent; a retried recall answers 5008. */
@Singleton
final class ControlsClient {
    private final ConversationControlsGrpc.ConversationControlsBlockingStub stub;
    private final RpcGuard guard;

    ControlsClient(ServiceChannels channels, RpcGuards guards) {
        this.stub = ConversationControlsGrpc.newBlockingStub(channels.channel("logic"));
        this.guard = guards.of("logic");
    }

    MuteReply mute(long userId, String conversationId, boolean muted) {
        MuteRequest request = MuteRequest.newBuilder().setUserId(userId)
                .setConversationId(conversationId).setMuted(muted).build();
        return guard.idempotent(() -> stub().mute(request));
    }

    ChatMessage recall(long userId, String conversationId, long messageId) {
        RecallRequest request = RecallRequest.newBuilder().setUserId(userId)
                .setConversationId(conversationId).setMessageId(messageId).build();
        return guard.idempotent(() -> stub().recall(request));
    }

    private ConversationControlsGrpc.ConversationControlsBlockingStub stub() {
        return stub.withDeadlineAfter(guard.timeout().toMillis(), TimeUnit.MILLISECONDS);
    }
}
