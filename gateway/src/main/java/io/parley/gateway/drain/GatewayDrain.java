package io.parley.gateway.drain;

import io.parley.contracts.frame.ReconnectFrame;
import io.parley.gateway.locate.GatewayLocator;
import io.parley.gateway.ws.Connections;
import io.parley.gateway.ws.SocketConnection;
import io.parley.platform.discovery.ServiceInstance;
import io.parley.platform.discovery.ServiceRegistration;
import io.parley.platform.instance.InstanceIdentity;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The drain, in this order (docs/operations.md, "Draining a gateway"):
 * <ol>
 *   <li>new sockets are refused (the upgrade with 503/9003, a socket past it with 4411);</li>
 *   <li>this gateway leaves etcd (its lease is revoked): {@code GET /api/gateway} on every gateway
 *       and the services' pick lists stop naming it, readiness goes DOWN;</li>
 *   <li>every socket gets one {@code reconnect} frame naming the least loaded other gateway;</li>
 *   <li>for up to {@code im.gateway.drain.grace-period} the sockets keep working (the push
 *       consumer and presence reports run until the context stops) while clients leave;</li>
 *   <li>the rest are closed with 4411, each reported gone to session.</li>
 * </ol>
 * Nothing acknowledged is lost across the move: an ack means stored, and a client reconnecting
 * elsewhere catches up by seq, which also covers pushes it never confirmed here. The drain runs
 * once; a second call waits for the first and returns the same report.
 */
@Singleton
public final class GatewayDrain {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayDrain.class);
    private static final long POLL_MS = 50;
    /** Close frames are written asynchronously; the server's stop must not cut them off. */
    private static final long CLOSE_FLUSH_MS = 2_000;

    private final Connections connections;
    private final Optional<ServiceRegistration> registration;
    private final GatewayLocator locator;
    private final InstanceIdentity identity;
    private final DrainSettings settings;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CompletableFuture<DrainReport> report = new CompletableFuture<>();

    GatewayDrain(Connections connections, Optional<ServiceRegistration> registration,
                 GatewayLocator locator, InstanceIdentity identity, DrainSettings settings) {
        this.connections = connections;
        this.registration = registration;
        this.locator = locator;
        this.identity = identity;
        this.settings = settings;
    }

    /** Starts the drain on a thread of its own (once); the future completes when it is done. */
    public CompletableFuture<DrainReport> start() {
        if (started.compareAndSet(false, true)) {
            Thread t = new Thread(this::run, "gateway-drain");
            t.setDaemon(true);
            t.start();
        }
        return report;
    }

    /** Drains and waits for the end (the grace period plus a few seconds at most). */
    public DrainReport drain() throws InterruptedException {
        try {
            return start().get(settings.gracePeriod().toMillis() + 3 * CLOSE_FLUSH_MS,
                    TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("drain did not finish: {}", e.toString());
            return null;
        }
    }

    private void run() {
        try {
            report.complete(steps());
        } catch (RuntimeException | InterruptedException e) {
            LOG.warn("drain failed: {}", e.toString());
            report.completeExceptionally(e);
        }
    }

    private DrainReport steps() throws InterruptedException {
        long start = System.nanoTime();
        connections.stopAdmitting();
        registration.ifPresent(ServiceRegistration::withdraw);
        Optional<ServiceInstance> target = locator.leastLoaded(identity.instanceId());
        int told = tell(target);
        LOG.info("draining: {} sockets told to reconnect to {}, grace {}", told,
                target.map(ServiceInstance::instanceId).orElse("(ask GET /api/gateway)"),
                settings.gracePeriod());
        long graceEnd = start + settings.gracePeriod().toNanos();
        while (connections.size() > 0 && System.nanoTime() < graceEnd) {
            Thread.sleep(POLL_MS);
        }
        int left = Math.max(0, told - connections.size());
        List<SocketConnection> closed = connections.closeAll(Connections.DRAINED);
        awaitClosed(closed);
        DrainReport done = new DrainReport(told, target.map(ServiceInstance::instanceId)
                .orElse(null), left, closed.size(), (System.nanoTime() - start) / 1_000_000);
        LOG.info("drained: {}", done);
        return done;
    }

    /** One frame per scheme: a socket opened over TLS is sent the wss address. */
    private int tell(Optional<ServiceInstance> target) {
        long within = settings.reconnectSpread().toMillis();
        ReconnectFrame plain = frame(target, false, within);
        ReconnectFrame secure = frame(target, true, within);
        int told = 0;
        for (SocketConnection c : connections.all()) {
            if (connections.send(c.connectionId(), c.secure() ? secure : plain)) {
                told++;
            }
        }
        return told;
    }

    private ReconnectFrame frame(Optional<ServiceInstance> target, boolean secure, long within) {
        return target.map(g -> locator.publicAddress(g, secure))
                .map(a -> new ReconnectFrame(a.gatewayId(), a.url(), within))
                .orElse(new ReconnectFrame(null, null, within));
    }

    private static void awaitClosed(List<SocketConnection> closed) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_FLUSH_MS);
        while (closed.stream().anyMatch(SocketConnection::isOpen) && System.nanoTime() < end) {
            Thread.sleep(POLL_MS);
        }
    }
}
