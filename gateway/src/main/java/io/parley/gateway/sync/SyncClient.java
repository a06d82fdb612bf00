package io.parley.gateway.sync;

import io.parley.contracts.proto.SyncReply;
import io.parley.contracts.proto.SyncRequest;
import io.parley.contracts.proto.SyncServiceGrpc;
import io.parley.platform.discovery.ServiceChannels;
import io.parley.platform.rpc.RpcGuard;
import io.parley.platform.rpc.RpcGuards;
import jakarta.inject.Singleton;

import java.util.concurrent.TimeUnit;

/** Calls logic's sync service; a read, safe to retry. */
@Singleton
final class SyncClient {
    private final SyncServiceGrpc.SyncServiceBlockingStub stub;
    private final RpcGuard guard;

    SyncClient(ServiceChannels channels, RpcGuards guards) {
        this.stub = SyncServiceGrpc.newBlockingStub(channels.channel("logic"));
        this.guard = guards.of("logic");
    }

    SyncReply sync(long userId, long afterInboxSeq, int limit) {
        SyncRequest request = SyncRequest.newBuilder().setUserId(userId)
                .setAfterInboxSeq(afterInboxSeq).setLimit(limit).build();
        return guard.idempotent(() -> stub.withDeadlineAfter(guard.timeout().toMillis(),
                TimeUnit.MILLISECONDS).sync(request));
    }
}
