package io.parley.gateway.conversation;

import io.parley.contracts.proto.ConversationServiceGrpc;
import io.parley.contracts.proto.ConversationSummary;
import io.parley.contracts.proto.HistoryReply;
import io.parley.contracts.proto.HistoryRequest;
import io.parley.contracts.proto.ListConversationsReply;
import io.parley.contracts.proto.ListConversationsRequest;
import io.parley.contracts.proto.MarkReadRequest;
import io.parley.contracts.proto.ReadersReply;
import io.parley.contracts.proto.ReadersRequest;
import io.parley.platform.discovery.ServiceChannels;
import io.parley.platform.rpc.RpcGuard;
import io.parley.platform.rpc.RpcGuards;
import jakarta.inject.Singleton;

import java.util.concurrent.TimeUnit;

/** Calls logic's conversation service; all three calls are safe to retry. */
@Singleton
final class ConversationClient {
    private final ConversationServiceGrpc.ConversationServiceBlockingStub stub;
    private final RpcGuard guard;

    ConversationClient(ServiceChannels channels, RpcGuards guards) {
        this.stub = ConversationServiceGrpc.newBlockingStub(channels.channel("logic"));
        this.guard = guards.of("logic");
    }

    ListConversationsReply list(long userId, int limit, String cursor) {
        ListConversationsRequest request = ListConversationsRequest.newBuilder().setUserId(userId)
                .setLimit(limit).setCursor(cursor == null ? "" : cursor).build();
        return guard.idempotent(() -> stub().list(request));
    }

    /** {@code afterSeq} null: backwards before {@code beforeSeq}; else forwards after it. */
    HistoryReply history(long userId, String conversationId, long beforeSeq, Long afterSeq,
                         int limit) {
        HistoryRequest.Builder request = HistoryRequest.newBuilder().setUserId(userId)
                .setConversationId(conversationId).setBeforeSeq(beforeSeq).setLimit(limit);
        if (afterSeq != null) {
            request.setAfterSeq(afterSeq);
        }
        return guard.idempotent(() -> stub().history(request.build()));
    }

    ConversationSummary markRead(long userId, String conversationId, long seq) {
        MarkReadRequest request = MarkReadRequest.newBuilder().setUserId(userId)
                .setConversationId(conversationId).setSeq(seq).build();
        return guard.idempotent(() -> stub().markRead(request));
    }

    ReadersReply readers(long userId, String conversationId, long seq, int limit,
                         String cursor) {
        ReadersRequest request = ReadersRequest.newBuilder().setUserId(userId)
                .setConversationId(conversationId).setSeq(seq).setLimit(limit)
                .setCursor(cursor == null ? "" : cursor).build();
        return guard.idempotent(() -> stub().readers(request));
    }

    private ConversationServiceGrpc.ConversationServiceBlockingStub stub() {
        return stub.withDeadlineAfter(guard.timeout().toMillis(), TimeUnit.MILLISECONDS);
    }
}
