package io.parley.logic.ids;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;

/**
 * The one id generator: 64-bit Snowflake ids, positive and increasing per worker.
 * <pre>
 *  0 | 41 bits: milliseconds since 2026-01-01T00:00Z | 10 bits: worker id | 12 bits: sequence
 * </pre>
 * About 69 years of ids, 4096 per millisecond per worker, 1024 workers. The worker id is held
 * under an etcd lease ({@link EtcdWorkerId}), so two live processes never share one.
 * <p>
 * When the clock steps back (NTP correction, VM migration) the generator does not wait and does
 * not fail: it keeps issuing from the last millisecond it used, as a logical clock, and moves
 * that millisecond forward when its 4096 sequence numbers run out. Ids stay unique and
 * increasing; their embedded time runs ahead of the wall clock until the wall clock catches up.
 */
@Singleton
public final class SnowflakeIds {
    static final long EPOCH_MS = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    private static final int WORKER_BITS = 10;
    private static final int SEQUENCE_BITS = 12;
    private static final long MAX_SEQUENCE = (1L << SEQUENCE_BITS) - 1;
    private static final Logger LOG = LoggerFactory.getLogger(SnowflakeIds.class);

    private final Clock clock;
    private final WorkerId workerId;
    // Guarded by this.
    private long lastMs = -1;
    private long sequence;

    SnowflakeIds(Clock clock, WorkerId workerId) {
        this.clock = clock;
        this.workerId = workerId;
    }

    public synchronized long next() {
        long worker = workerId.current();
        long now = clock.millis() - EPOCH_MS;
        if (now > lastMs) {
            lastMs = now;
            sequence = 0;
        } else {
            if (now < lastMs - 1000) {
                LOG.warn("clock is {} ms behind the last id; continuing from the last id",
                        lastMs - now);
            }
            sequence = (sequence + 1) & MAX_SEQUENCE;
            if (sequence == 0) {
                lastMs++;
            }
        }
        return (lastMs << (WORKER_BITS + SEQUENCE_BITS)) | (worker << SEQUENCE_BITS) | sequence;
    }

    /** The worker id embedded in an id. */
    static int workerOf(long id) {
        return (int) ((id >>> SEQUENCE_BITS) & ((1L << WORKER_BITS) - 1));
    }

    /** The instant embedded in an id. */
    static Instant timeOf(long id) {
        return Instant.ofEpochMilli((id >>> (WORKER_BITS + SEQUENCE_BITS)) + EPOCH_MS);
    }
}
