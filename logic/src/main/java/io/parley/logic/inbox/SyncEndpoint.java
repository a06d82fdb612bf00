package io.parley.logic.inbox;

import io.grpc.stub.StreamObserver;
import io.parley.contracts.proto.SyncReply;
import io.parley.contracts.proto.SyncRequest;
import io.parley.contracts.proto.SyncServiceGrpc;
import io.parley.platform.rpc.GrpcErrors;
import jakarta.inject.Singleton;

/** gRPC face of the inbox: one sync call per reconnecting device. */
@Singleton
final class SyncEndpoint extends SyncServiceGrpc.SyncServiceImplBase {
    private final InboxSync sync;

    SyncEndpoint(InboxSync sync) {
        this.sync = sync;
    }

    @Override
    public void sync(SyncRequest request, StreamObserver<SyncReply> observer) {
        GrpcErrors.respond(observer, () -> sync.after(request.getUserId(),
                request.getAfterInboxSeq(), request.getLimit()));
    }
}
