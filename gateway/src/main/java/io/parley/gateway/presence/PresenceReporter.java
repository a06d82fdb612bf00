package io.parley.gateway.presence;

import io.parley.contracts.proto.Connection;
import io.parley.contracts.proto.ConnectionRef;
import io.parley.contracts.proto.GatewayHeartbeat;
import io.parley.contracts.proto.PresenceServiceGrpc;
import io.parley.gateway.GatewayIdentity;
import io.parley.gateway.ws.SocketConnection;
import io.parley.platform.discovery.ServiceChannels;
import io.parley.platform.rpc.RpcGuard;
import io.parley.platform.rpc.RpcGuards;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Tells session about this gateway's sockets. Calls run on one background thread, never on a
 * socket's event loop, and in the order they were made (a disconnect never overtakes its
 * connect). A failed report is only logged: the next heartbeat writes the whole truth again.
 */
@Singleton
public final class PresenceReporter {
    private static final Logger LOG = LoggerFactory.getLogger(PresenceReporter.class);

    private final PresenceServiceGrpc.PresenceServiceBlockingStub stub;
    private final RpcGuard guard;
    private final String gatewayId;
    private final PresenceReports reports;
    private final ExecutorService calls = Executors.newSingleThreadExecutor(
            r -> new Thread(r, "presence-reporter"));

    PresenceReporter(ServiceChannels channels, RpcGuards guards, GatewayIdentity gateway,
                     PresenceReports reports) {
        this.reports = reports;
        this.stub = PresenceServiceGrpc.newBlockingStub(channels.channel("session"));
        this.guard = guards.of("session");
        this.gatewayId = gateway.id();
    }

    /** Completes once session has heard of the socket, or the report failed. */
    public CompletableFuture<Void> connected(SocketConnection c) {
        Connection connection = toProto(c);
        return submit("connect", () -> stub().connect(connection));
    }

    public void disconnected(SocketConnection c) {
        ConnectionRef ref = ConnectionRef.newBuilder().setUserId(c.userId())
                .setGatewayId(gatewayId).setConnectionId(c.connectionId()).build();
        submit("disconnect", () -> stub().disconnect(ref));
    }

    /**
     * Re-reports every open socket, as calls of at most {@code im.gateway.presence.chunk-size}
     * connections each, queued and sent in the background: connects and disconnects made
     * meanwhile go between the chunks instead of behind one huge message, and the order of
     * each socket's own reports still holds (one queue).
     */
    public void heartbeat(Collection<SocketConnection> open) {
        for (List<SocketConnection> chunk : reports.chunks(List.copyOf(open))) {
            submit("heartbeat", () -> stub().heartbeat(GatewayHeartbeat.newBuilder()
                    .setGatewayId(gatewayId)
                    .addAllConnections(chunk.stream().filter(SocketConnection::isOpen)
                            .map(this::toProto).toList()).build()));
        }
    }

    private CompletableFuture<Void> submit(String what, Runnable call) {
        if (calls.isShutdown()) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(() -> {
            try {
                guard.idempotent(() -> {
                    call.run();
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.warn("presence {} failed: {}", what, e.getMessage());
            }
        }, calls);
    }

    private PresenceServiceGrpc.PresenceServiceBlockingStub stub() {
        return stub.withDeadlineAfter(guard.timeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private Connection toProto(SocketConnection c) {
        return Connection.newBuilder().setUserId(c.userId()).setGatewayId(gatewayId)
                .setConnectionId(c.connectionId()).setDeviceId(c.deviceId())
                .setConnectedAtMs(c.connectedAtMs()).build();
    }

    @PreDestroy
    void drain() throws InterruptedException {
        calls.shutdown();
        calls.awaitTermination(5, TimeUnit.SECONDS);
    }
}
