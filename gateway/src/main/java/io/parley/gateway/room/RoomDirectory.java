package io.parley.gateway.room;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.contracts.ids.ConversationIds;
import io.parley.contracts.proto.GroupInfo;
import io.parley.contracts.proto.GroupServiceGrpc;
import io.parley.contracts.proto.MyGroupsRequest;
import io.parley.platform.discovery.ServiceChannels;
import io.parley.platform.rpc.RpcGuard;
import io.parley.platform.rpc.RpcGuards;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Puts a connecting socket into the rooms of its user's groups: admitted to the index at once
 * (membership changes from then on apply to it), then settled with the groups logic lists
 * ({@code GroupService.ListMyGroups}). The socket's {@code welcome} waits for that answer, so
 * every group message persisted after the client saw {@code welcome} finds the socket.
 */
@Singleton
public final class RoomDirectory {
    private final RoomIndex index;
    private final GroupServiceGrpc.GroupServiceBlockingStub stub;
    private final RpcGuard guard;
    private final ExecutorService lookups;

    RoomDirectory(RoomIndex index, ServiceChannels channels, RpcGuards guards,
                  RoomSettings settings, MeterRegistry registry) {
        this.index = index;
        Gauge.builder("parley.gateway.rooms", index, RoomIndex::roomCount)
                .description("group rooms with at least one socket on this gateway")
                .register(registry);
        Gauge.builder("parley.gateway.room.memberships", index, RoomIndex::membershipCount)
                .description("(socket, room) pairs in this gateway's room index")
                .register(registry);
        this.stub = GroupServiceGrpc.newBlockingStub(channels.channel("logic"));
        this.guard = guards.of("logic");
        this.lookups = Executors.newFixedThreadPool(settings.lookupThreads(),
                r -> new Thread(r, "room-lookup"));
    }

    /** Completes once the socket is in its user's rooms; fails when logic could not say which. */
    public CompletableFuture<Void> admit(String connectionId, long userId) {
        index.admit(connectionId, userId);
        MyGroupsRequest request = MyGroupsRequest.newBuilder().setActorId(userId).build();
        return CompletableFuture.runAsync(() -> {
            List<String> rooms = guard.idempotent(() -> stub.withDeadlineAfter(
                    guard.timeout().toMillis(), TimeUnit.MILLISECONDS).listMyGroups(request))
                    .getGroupsList().stream().map(GroupInfo::getGroupId)
                    .map(ConversationIds::group).toList();
            index.settle(connectionId, rooms);
        }, lookups);
    }

    public void remove(String connectionId) {
        index.remove(connectionId);
    }

    @PreDestroy
    void stop() {
        lookups.shutdownNow();
    }
}
