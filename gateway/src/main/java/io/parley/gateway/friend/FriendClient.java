package io.parley.gateway.friend;

import io.parley.contracts.proto.BlockPage;
import io.parley.contracts.proto.Direction;
import io.parley.contracts.proto.Friend;
import io.parley.contracts.proto.FriendPage;
import io.parley.contracts.proto.FriendRequestPage;
import io.parley.contracts.proto.FriendServiceGrpc;
import io.parley.contracts.proto.ListRequestsRequest;
import io.parley.contracts.proto.PageOf;
import io.parley.contracts.proto.RequestDecision;
import io.parley.contracts.proto.SendFriendReply;
import io.parley.contracts.proto.SendFriendRequest;
import io.parley.contracts.proto.UserPair;
import io.parley.platform.discovery.ServiceChannels;
import io.parley.platform.rpc.RpcGuard;
import io.parley.platform.rpc.RpcGuards;
import jakarta.inject.Singleton;

import java.util.concurrent.TimeUnit;

/**
 * Calls logic's friend service. Sending a request, removing, blocking and unblocking are safe to
 * retry (a repeat finds the state already there); accepting and rejecting are not (a repeat finds
 * the request decided and answers 4004), so they run once.
 */
@Singleton
final class FriendClient {
    private final FriendServiceGrpc.FriendServiceBlockingStub stub;
    private final RpcGuard guard;

    FriendClient(ServiceChannels channels, RpcGuards guards) {
        this.stub = FriendServiceGrpc.newBlockingStub(channels.channel("logic"));
        this.guard = guards.of("logic");
    }

    SendFriendReply request(long from, long to, String greeting) {
        SendFriendRequest request = SendFriendRequest.newBuilder().setFromUserId(from)
                .setToUserId(to).setGreeting(greeting == null ? "" : greeting).build();
        return guard.idempotent(() -> stub().sendRequest(request));
    }

    FriendRequestPage requests(long me, Direction direction, int limit, String cursor) {
        ListRequestsRequest request = ListRequestsRequest.newBuilder().setUserId(me)
                .setDirection(direction).setLimit(limit).setCursor(nz(cursor)).build();
        return guard.idempotent(() -> stub().listRequests(request));
    }

    Friend accept(long me, long requestId) {
        RequestDecision decision = decision(me, requestId);
        return guard.once(() -> stub().accept(decision));
    }

    void reject(long me, long requestId) {
        RequestDecision decision = decision(me, requestId);
        guard.once(() -> stub().reject(decision));
    }

    FriendPage friends(long me, int limit, String cursor) {
        PageOf page = page(me, limit, cursor);
        return guard.idempotent(() -> stub().listFriends(page));
    }

    void unfriend(long me, long other) {
        UserPair pair = pair(me, other);
        guard.idempotent(() -> stub().removeFriend(pair));
    }

    void block(long me, long other) {
        UserPair pair = pair(me, other);
        guard.idempotent(() -> stub().block(pair));
    }

    void unblock(long me, long other) {
        UserPair pair = pair(me, other);
        guard.idempotent(() -> stub().unblock(pair));
    }

    BlockPage blocked(long me, int limit, String cursor) {
        PageOf page = page(me, limit, cursor);
        return guard.idempotent(() -> stub().listBlocks(page));
    }

    private FriendServiceGrpc.FriendServiceBlockingStub stub() {
        return stub.withDeadlineAfter(guard.timeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private static RequestDecision decision(long me, long requestId) {
        return RequestDecision.newBuilder().setUserId(me).setRequestId(requestId).build();
    }

    private static PageOf page(long me, int limit, String cursor) {
        return PageOf.newBuilder().setUserId(me).setLimit(limit).setCursor(nz(cursor)).build();
    }

    private static UserPair pair(long me, long other) {
        return UserPair.newBuilder().setUserId(me).setOtherUserId(other).build();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
