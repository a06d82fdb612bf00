package io.parley.logic.ids;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.PutOption;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import io.parley.platform.discovery.EtcdSettings;
import io.parley.platform.discovery.LeaseHolder;
import io.parley.platform.instance.InstanceIdentity;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Claims a free Snowflake worker id in etcd: the first of {@code <ns>/snowflake/workers/0..1023}
 * that does not exist is created (in a transaction comparing its version with 0) under a lease
 * this process keeps alive. If the lease is lost another process may take the id, so this one
 * stops issuing ids ({@link #current()} throws UNAVAILABLE) until it has claimed one again.
 */
@Singleton
final class EtcdWorkerId implements WorkerId {
    private static final Logger LOG = LoggerFactory.getLogger(EtcdWorkerId.class);
    private static final int MAX_WORKERS = 1024;

    private final Client etcd;
    private final EtcdSettings settings;
    private final InstanceIdentity identity;
    private final LeaseHolder lease;
    private volatile int worker = -1;

    EtcdWorkerId(Client etcd, EtcdSettings settings, InstanceIdentity identity) {
        this.etcd = etcd;
        this.settings = settings;
        this.identity = identity;
        this.lease = new LeaseHolder(etcd, settings.leaseTtl(), "snowflake-worker-id",
                this::claim, () -> worker = -1);
        lease.claimNow();
    }

    @Override
    public int current() {
        int w = worker;
        if (w < 0) {
            throw new ParleyException(ErrorCode.UNAVAILABLE, "no Snowflake worker id held");
        }
        return w;
    }

    private boolean claim(long leaseId) throws Exception {
        ByteSequence owner = ByteSequence.from(identity.instanceId(), StandardCharsets.UTF_8);
        for (int candidate = 0; candidate < MAX_WORKERS; candidate++) {
            ByteSequence key = ByteSequence.from(settings.namespace() + "/snowflake/workers/"
                    + candidate, StandardCharsets.UTF_8);
            boolean won = etcd.getKVClient().txn()
                    .If(new Cmp(key, Cmp.Op.EQUAL, CmpTarget.version(0)))
                    .Then(Op.put(key, owner, PutOption.builder().withLeaseId(leaseId).build()))
                    .commit().get(5, TimeUnit.SECONDS).isSucceeded();
            if (won) {
                worker = candidate;
                LOG.info("holding Snowflake worker id {}", candidate);
                return true;
            }
        }
        return false;
    }

    @PreDestroy
    void release() {
        worker = -1;
        lease.close();
    }
}
