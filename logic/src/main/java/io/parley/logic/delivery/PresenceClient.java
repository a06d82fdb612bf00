package io.parley.logic.delivery;

import io.parley.contracts.proto.Connection;
import io.parley.contracts.proto.LocateRequest;
import io.parley.contracts.proto.PresenceServiceGrpc;
import io.parley.platform.discovery.ServiceChannels;
import io.parley.platform.rpc.RpcGuard;
import io.parley.platform.rpc.RpcGuards;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Asks the session service where users are connected (for delivery and for online status). */
@Singleton
public final class PresenceClient {
    private final PresenceServiceGrpc.PresenceServiceBlockingStub stub;
    private final RpcGuard guard;

    PresenceClient(ServiceChannels channels, RpcGuards guards) {
        this.stub = PresenceServiceGrpc.newBlockingStub(channels.channel("session"));
        this.guard = guards.of("session");
    }

    /** Every live connection of these users, in one call. */
    public List<Connection> locate(Collection<Long> userIds) {
        LocateRequest request = LocateRequest.newBuilder().addAllUserIds(userIds).build();
        return guard.idempotent(() -> stub
                .withDeadlineAfter(guard.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .locate(request).getConnectionsList());
    }
}
