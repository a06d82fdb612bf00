package io.parley.logic.friend;

import io.grpc.stub.StreamObserver;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import io.parley.contracts.proto.BlockPage;
import io.parley.contracts.proto.Done;
import io.parley.contracts.proto.FriendPage;
import io.parley.contracts.proto.FriendRequestPage;
import io.parley.contracts.proto.FriendServiceGrpc;
import io.parley.contracts.proto.ListRequestsRequest;
import io.parley.contracts.proto.PageOf;
import io.parley.contracts.proto.RequestDecision;
import io.parley.contracts.proto.SendFriendReply;
import io.parley.contracts.proto.SendFriendRequest;
import io.parley.contracts.proto.UserPair;
import io.parley.logic.page.Page;
import io.parley.platform.rpc.GrpcErrors;
import jakarta.inject.Singleton;

/** gRPC face of the social graph for the gateway's HTTP API: decode, call, encode. */
@Singleton
final class FriendEndpoint extends FriendServiceGrpc.FriendServiceImplBase {
    private static final Done DONE = Done.getDefaultInstance();

    private final FriendGraph graph;
    private final FriendLists lists;

    FriendEndpoint(FriendGraph graph, FriendLists lists) {
        this.graph = graph;
        this.lists = lists;
    }

    @Override
    public void sendRequest(SendFriendRequest request, StreamObserver<SendFriendReply> observer) {
        GrpcErrors.respond(observer, () -> {
            FriendGraph.Sent sent = graph.request(request.getFromUserId(), request.getToUserId(),
                    request.getGreeting());
            return SendFriendReply.newBuilder().setRequest(FriendProtos.request(sent.request()))
                    .setCreated(sent.created()).build();
        });
    }

    @Override
    public void listRequests(ListRequestsRequest request,
                             StreamObserver<FriendRequestPage> observer) {
        GrpcErrors.respond(observer, () -> {
            Page<RequestView> page = lists.requests(request.getUserId(),
                    direction(request.getDirection()), request.getLimit(), request.getCursor());
            return FriendRequestPage.newBuilder()
                    .addAllRequests(page.items().stream().map(FriendProtos::request).toList())
                    .setNextCursor(FriendProtos.cursor(page)).build();
        });
    }

    @Override
    public void accept(RequestDecision request,
                       StreamObserver<io.parley.contracts.proto.Friend> observer) {
        GrpcErrors.respond(observer, () -> {
            FriendRequest accepted = graph.accept(request.getUserId(), request.getRequestId());
            return FriendProtos.friend(lists.friend(request.getUserId(), accepted.fromUser()));
        });
    }

    @Override
    public void reject(RequestDecision request, StreamObserver<Done> observer) {
        GrpcErrors.respond(observer, () -> {
            graph.reject(request.getUserId(), request.getRequestId());
            return DONE;
        });
    }

    @Override
    public void listFriends(PageOf request, StreamObserver<FriendPage> observer) {
        GrpcErrors.respond(observer, () -> {
            Page<Friend> page = lists.friends(request.getUserId(), request.getLimit(),
                    request.getCursor());
            return FriendPage.newBuilder()
                    .addAllFriends(page.items().stream().map(FriendProtos::friend).toList())
                    .setNextCursor(FriendProtos.cursor(page)).build();
        });
    }

    @Override
    public void removeFriend(UserPair request, StreamObserver<Done> observer) {
        GrpcErrors.respond(observer, () -> {
            graph.unfriend(request.getUserId(), request.getOtherUserId());
            return DONE;
        });
    }

    @Override
    public void block(UserPair request, StreamObserver<Done> observer) {
        GrpcErrors.respond(observer, () -> {
            graph.block(request.getUserId(), request.getOtherUserId());
            return DONE;
        });
    }

    @Override
    public void unblock(UserPair request, StreamObserver<Done> observer) {
        GrpcErrors.respond(observer, () -> {
            graph.unblock(request.getUserId(), request.getOtherUserId());
            return DONE;
        });
    }

    @Override
    public void listBlocks(PageOf request, StreamObserver<BlockPage> observer) {
        GrpcErrors.respond(observer, () -> {
            Page<RelatedUser> page = lists.blocked(request.getUserId(), request.getLimit(),
                    request.getCursor());
            return BlockPage.newBuilder()
                    .addAllUsers(page.items().stream().map(FriendProtos::blocked).toList())
                    .setNextCursor(FriendProtos.cursor(page)).build();
        });
    }

    private static Direction direction(io.parley.contracts.proto.Direction direction) {
        return switch (direction) {
            case INCOMING -> Direction.INCOMING;
            case OUTGOING -> Direction.OUTGOING;
            default -> throw new ParleyException(ErrorCode.VALIDATION_FAILED,
                    "direction must be incoming or outgoing");
        };
    }
}
