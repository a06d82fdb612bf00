package io.parley.logic.conversation;

import io.grpc.stub.StreamObserver;
import io.parley.contracts.ids.ConversationIds;
import io.parley.contracts.proto.ConversationServiceGrpc;
import io.parley.contracts.proto.ConversationSummary;
import io.parley.contracts.proto.HistoryReply;
import io.parley.contracts.proto.HistoryRequest;
import io.parley.contracts.proto.ListConversationsReply;
import io.parley.contracts.proto.ListConversationsRequest;
import io.parley.contracts.proto.MarkReadRequest;
import io.parley.contracts.proto.ReadersReply;
import io.parley.contracts.proto.ReadersRequest;
import io.parley.logic.delivery.Fanout;
import io.parley.logic.message.History;
import io.parley.logic.page.Page;
import io.parley.platform.rpc.GrpcErrors;
import jakarta.inject.Singleton;

import java.util.List;

/** gRPC face of conversations: the list, history pages and read cursors. */
@Singleton
final class ConversationEndpoint extends ConversationServiceGrpc.ConversationServiceImplBase {
    private final ConversationList list;
    private final History history;
    private final ReadCursor reads;
    private final Readers readers;
    private final Fanout fanout;

    ConversationEndpoint(ConversationList list, History history, ReadCursor reads,
                         Readers readers, Fanout fanout) {
        this.list = list;
        this.history = history;
        this.reads = reads;
        this.readers = readers;
        this.fanout = fanout;
    }

    @Override
    public void readers(ReadersRequest request, StreamObserver<ReadersReply> observer) {
        GrpcErrors.respond(observer, () -> readers.of(request.getUserId(),
                request.getConversationId(), request.getSeq(), request.getLimit(),
                request.getCursor()));
    }

    @Override
    public void list(ListConversationsRequest request,
                     StreamObserver<ListConversationsReply> observer) {
        GrpcErrors.respond(observer, () -> {
            Page<ConversationSummary> page = list.list(request.getUserId(), request.getLimit(),
                    request.getCursor());
            return ListConversationsReply.newBuilder().addAllConversations(page.items())
                    .setNextCursor(page.nextCursor() == null ? "" : page.nextCursor()).build();
        });
    }

    @Override
    public void history(HistoryRequest request, StreamObserver<HistoryReply> observer) {
        GrpcErrors.respond(observer, () -> history.page(request.getUserId(),
                request.getConversationId(), request.getBeforeSeq(),
                request.hasAfterSeq() ? request.getAfterSeq() : History.NO_AFTER_SEQ,
                request.getLimit()));
    }

    @Override
    public void markRead(MarkReadRequest request, StreamObserver<ConversationSummary> observer) {
        GrpcErrors.respond(observer, () -> {
            long[] seqs = reads.markRead(request.getUserId(), request.getConversationId(),
                    request.getSeq());
            List<Long> told = request.getConversationId().startsWith("d_")
                    ? List.of(request.getUserId(), ConversationIds.peerOf(
                            request.getConversationId(), request.getUserId()))
                    : List.of(request.getUserId());
            fanout.readMark(request.getConversationId(), request.getUserId(), seqs[1], told);
            return ConversationSummary.newBuilder()
                    .setConversationId(request.getConversationId())
                    .setLastSeq(seqs[0]).setReadSeq(seqs[1]).setUnread(seqs[0] - seqs[1])
                    .build();
        });
    }
}
