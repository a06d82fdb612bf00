package io.parley.session.presence;

import io.grpc.stub.StreamObserver;
import io.parley.contracts.proto.Connection;
import io.parley.contracts.proto.ConnectionRef;
import io.parley.contracts.proto.GatewayHeartbeat;
import io.parley.contracts.proto.LocateReply;
import io.parley.contracts.proto.LocateRequest;
import io.parley.contracts.proto.PresenceAck;
import io.parley.contracts.proto.PresenceServiceGrpc;
import io.parley.contracts.proto.StatusReply;
import io.parley.platform.rpc.GrpcErrors;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;

/** gRPC face of presence: decodes, calls the store, encodes. */
@Singleton
final class PresenceEndpoint extends PresenceServiceGrpc.PresenceServiceImplBase {
    private final PresenceStore store;
    private final PresenceTransitions transitions;
    private final Clock clock;

    PresenceEndpoint(PresenceStore store, PresenceTransitions transitions, Clock clock) {
        this.store = store;
        this.transitions = transitions;
        this.clock = clock;
    }

    @Override
    public void connect(Connection request, StreamObserver<PresenceAck> observer) {
        GrpcErrors.respond(observer, () -> ack(transitions.connect(request, clock.millis())));
    }

    @Override
    public void disconnect(ConnectionRef request, StreamObserver<PresenceAck> observer) {
        GrpcErrors.respond(observer, () -> ack(transitions.disconnect(request.getUserId(),
                request.getGatewayId(), request.getConnectionId(), clock.millis())));
    }

    @Override
    public void heartbeat(GatewayHeartbeat request, StreamObserver<PresenceAck> observer) {
        GrpcErrors.respond(observer, () -> ack(store.upsert(request.getConnectionsList(), clock.millis())));
    }

    @Override
    public void locate(LocateRequest request, StreamObserver<LocateReply> observer) {
        GrpcErrors.respond(observer, () -> LocateReply.newBuilder()
                .addAllConnections(store.locate(request.getUserIdsList())).build());
    }

    @Override
    public void statuses(LocateRequest request, StreamObserver<StatusReply> observer) {
        GrpcErrors.respond(observer, () -> StatusReply.newBuilder()
                .addAllStatuses(store.statuses(request.getUserIdsList())).build());
    }

    private static PresenceAck ack(int affected) {
        return PresenceAck.newBuilder().setAffected(affected).build();
    }
}
