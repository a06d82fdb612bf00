package io.parley.platform.discovery;

import io.etcd.jetcd.Client;
import io.etcd.jetcd.lease.LeaseKeepAliveResponse;
import io.etcd.jetcd.support.CloseableClient;
import io.grpc.stub.StreamObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Holds something in etcd for as long as this process lives: grants a lease, lets the
 * {@link Claim} write its keys under it, and keeps the lease alive. When the lease is lost (etcd
 * restarted, a long pause) it tells the owner, which must stop relying on what it held, and claims
 * again every second until it succeeds. {@link #close()} revokes the lease, so the keys vanish at
 * once rather than after the TTL.
 */
public final class LeaseHolder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseHolder.class);

    /** Writes the owner's keys under the lease; false if what it wanted is taken. */
    @FunctionalInterface
    public interface Claim {
        boolean claim(long leaseId) throws Exception;
    }

    private final Client etcd;
    private final Duration ttl;
    private final String name;
    private final Claim claim;
    private final Runnable onLost;
    private final ScheduledExecutorService executor;
    private volatile long leaseId;
    private volatile CloseableClient keepAlive;
    private volatile boolean closing;

    public LeaseHolder(Client etcd, Duration ttl, String name, Claim claim, Runnable onLost) {
        this.etcd = etcd;
        this.ttl = ttl;
        this.name = name;
        this.claim = claim;
        this.onLost = onLost;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, name));
    }

    /** Claims now on the calling thread; on failure, keeps trying in the background. */
    public void claimNow() {
        attempt();
    }

    /** Claims in the background. */
    public void claimLater() {
        executor.execute(this::attempt);
    }

    /** The lease the keys are held under now, or 0 while none is. */
    public long leaseId() {
        return closing ? 0 : leaseId;
    }

    public boolean held() {
        return leaseId != 0 && !closing;
    }

    private void attempt() {
        if (closing) {
            return;
        }
        long lease = 0;
        try {
            lease = etcd.getLeaseClient().grant(Math.max(2, ttl.toSeconds()))
                    .get(5, TimeUnit.SECONDS).getID();
            if (!claim.claim(lease)) {
                throw new IllegalStateException("nothing free to claim");
            }
            leaseId = lease;
            keepAlive = etcd.getLeaseClient().keepAlive(lease, new Observer());
        } catch (Exception e) {
            LOG.warn("{}: claim failed, retrying: {}", name, e.toString());
            if (lease != 0) {
                etcd.getLeaseClient().revoke(lease);
            }
            retry();
        }
    }

    private void retry() {
        if (!closing) {
            executor.schedule(this::attempt, 1, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        closing = true;
        executor.shutdownNow();
        CloseableClient ka = keepAlive;
        if (ka != null) {
            ka.close();
        }
        if (leaseId != 0) {
            try {
                etcd.getLeaseClient().revoke(leaseId).get(3, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("{}: could not revoke the lease; it will expire: {}", name, e.toString());
            }
        }
    }

    private final class Observer implements StreamObserver<LeaseKeepAliveResponse> {
        @Override
        public void onNext(LeaseKeepAliveResponse response) {
            // still held
        }

        @Override
        public void onError(Throwable t) {
            lost(t.toString());
        }

        @Override
        public void onCompleted() {
            lost("keep-alive ended");
        }

        private void lost(String why) {
            if (closing) {
                return;
            }
            leaseId = 0;
            LOG.warn("{}: lease lost ({}); claiming again", name, why);
            onLost.run();
            retry();
        }
    }
}
