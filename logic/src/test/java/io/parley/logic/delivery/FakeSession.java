package io.parley.logic.delivery;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.options.PutOption;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.micronaut.json.JsonMapper;
import io.parley.contracts.proto.Connection;
import io.parley.contracts.proto.LocateReply;
import io.parley.contracts.proto.LocateRequest;
import io.parley.contracts.proto.PresenceServiceGrpc;
import io.parley.platform.discovery.EtcdSettings;
import io.parley.platform.discovery.LeaseHolder;
import io.parley.platform.discovery.ServiceInstance;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A session service for logic's integration tests: a real gRPC server registered in the test's
 * etcd namespace, so {@link PresenceClient} finds it exactly as it finds session, but whose
 * answers the test decides. Created only where a test injects it.
 */
@Singleton
public final class FakeSession {
    private final Set<Long> online = ConcurrentHashMap.newKeySet();
    private final AtomicInteger locateCalls = new AtomicInteger();
    private volatile boolean failing;
    private final Server server;
    private final LeaseHolder registration;

    FakeSession(Client etcd, EtcdSettings settings, JsonMapper json) throws IOException {
        this.server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(new Presence()).build().start();
        ServiceInstance instance = new ServiceInstance("session", "fake-session", "127.0.0.1", 0,
                server.getPort(), Instant.now().toString());
        byte[] value = json.writeValueAsBytes(instance);
        String key = settings.namespace() + "/services/session/fake-session";
        this.registration = new LeaseHolder(etcd, settings.leaseTtl(), "fake-session",
                leaseId -> {
                    etcd.getKVClient().put(ByteSequence.from(key, StandardCharsets.UTF_8),
                            ByteSequence.from(value),
                            PutOption.builder().withLeaseId(leaseId).build())
                            .get(5, TimeUnit.SECONDS);
                    return true;
                }, () -> { });
        registration.claimNow();
    }

    public void setOnline(long userId, boolean isOnline) {
        if (isOnline) {
            online.add(userId);
        } else {
            online.remove(userId);
        }
    }

    /** While true, every call fails as a broken session would. */
    public void setFailing(boolean failing) {
        this.failing = failing;
    }

    /** Locate calls received so far: a list endpoint must make one per page, not one per row. */
    public int locateCalls() {
        return locateCalls.get();
    }

    @PreDestroy
    void stop() {
        registration.close();
        server.shutdownNow();
    }

    private final class Presence extends PresenceServiceGrpc.PresenceServiceImplBase {
        @Override
        public void locate(LocateRequest request, StreamObserver<LocateReply> observer) {
            locateCalls.incrementAndGet();
            if (failing) {
                observer.onError(Status.INTERNAL.withDescription("broken on purpose")
                        .asRuntimeException());
                return;
            }
            LocateReply.Builder reply = LocateReply.newBuilder();
            request.getUserIdsList().stream().filter(online::contains).forEach(u ->
                    reply.addConnections(Connection.newBuilder().setUserId(u)
                            .setGatewayId("fake-gw").setConnectionId("c-" + u)));
            observer.onNext(reply.build());
            observer.onCompleted();
        }
    }
}
