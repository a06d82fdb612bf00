package io.parley.platform.discovery;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.options.PutOption;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.annotation.Scheduled;
import io.parley.platform.instance.InstanceIdentity;
import io.parley.platform.rpc.GrpcServer;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Puts this instance into etcd once its HTTP (and gRPC) servers listen, under a lease kept alive
 * for as long as the process lives. A crashed process disappears after the lease TTL; a clean
 * shutdown revokes the lease first (this bean is destroyed before the gRPC server it depends
 * on), so clients stop choosing this instance before it stops serving.
 */
@Singleton
@Requires(property = "im.etcd.register", notEquals = "false")
public final class ServiceRegistration implements ApplicationEventListener<ServerStartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceRegistration.class);

    private final Client etcd;
    private final EtcdSettings settings;
    private final InstanceIdentity identity;
    private final Optional<GrpcServer> grpcServer;
    private final JsonMapper json;
    private final String advertisedHost;
    private final LeaseHolder lease;
    private final Optional<InstanceLoad> load;
    private final AtomicBoolean withdrawn = new AtomicBoolean();
    private volatile ServiceInstance registered;

    ServiceRegistration(Client etcd, EtcdSettings settings, InstanceIdentity identity,
                        Optional<GrpcServer> grpcServer, JsonMapper json,
                        @Value("${im.advertised-host:127.0.0.1}") String advertisedHost,
                        Optional<InstanceLoad> load) {
        this.etcd = etcd;
        this.settings = settings;
        this.identity = identity;
        this.grpcServer = grpcServer;
        this.json = json;
        this.advertisedHost = advertisedHost;
        this.load = load;
        this.lease = new LeaseHolder(etcd, settings.leaseTtl(), "etcd-registration",
                this::put, () -> { });
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        registered = new ServiceInstance(identity.service(), identity.instanceId(), advertisedHost,
                event.getSource().getPort(), grpcServer.map(GrpcServer::port).orElse(0),
                identity.startedAt().toString(), load.map(InstanceLoad::current).orElse(0));
        // Off the startup thread: a slow etcd must not hold up the HTTP server.
        lease.claimLater();
    }

    /** The entry this instance wrote, or null before start-up. */
    public ServiceInstance registered() {
        return registered;
    }

    /** True while the entry is in etcd under a live lease. */
    public boolean isRegistered() {
        return lease.held();
    }

    /**
     * Rewrites the entry when the reported load changed, under the same lease
     * ({@code im.etcd.load-interval}, default 5 s).
     */
    @Scheduled(fixedDelay = "${im.etcd.load-interval:5s}", initialDelay = "${im.etcd.load-interval:5s}")
    void reportLoad() {
        ServiceInstance entry = registered;
        long leaseId = lease.leaseId();
        if (load.isEmpty() || entry == null || leaseId == 0) {
            return;
        }
        int now = load.get().current();
        if (now == entry.load()) {
            return;
        }
        registered = entry.withLoad(now);
        try {
            write(leaseId);
        } catch (Exception e) {
            LOG.warn("could not report load {}: {}", now, e.toString());
        }
    }

    private boolean put(long leaseId) throws Exception {
        write(leaseId);
        LOG.info("registered {} = {}", key(), registered);
        return true;
    }

    private String key() {
        return settings.servicePrefix(identity.service()) + identity.instanceId();
    }

    private void write(long leaseId) throws Exception {
        etcd.getKVClient().put(ByteSequence.from(key(), StandardCharsets.UTF_8),
                ByteSequence.from(json.writeValueAsBytes(registered)),
                PutOption.builder().withLeaseId(leaseId).build()).get(5, TimeUnit.SECONDS);
    }

    /**
     * Takes the entry out of etcd now (the lease is revoked), so that callers and the gateway
     * locator stop choosing this instance while it keeps serving what it holds: the first step
     * of a gateway's drain. Idempotent; readiness is DOWN from here on.
     */
    public void withdraw() {
        if (withdrawn.compareAndSet(false, true)) {
            lease.close();
            LOG.info("deregistered {}", identity.instanceId());
        }
    }

    @PreDestroy
    void deregister() {
        withdraw();
    }
}
