package io.parley.logic.lock;

import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import io.parley.platform.kafka.KafkaSettings;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Random;
import java.util.UUID;

/**
 * Serializes work on one key across every logic instance. {@link #acquire} tries at once, then
 * waits with growing, jittered pauses, a bounded number of times and at most
 * {@code im.logic.lock.max-wait}, and then gives up with {@link ErrorCode#UNAVAILABLE} (9002):
 * the caller retries later instead of queueing without end.
 * <p>
 * Expiry safety: a holder that stalls past the TTL (a GC pause, a slow disk) loses the lock to the
 * next caller. Work that must not overlap therefore calls {@link Lease#confirm()} right before it
 * commits; confirm compares the token and renews the TTL in one atomic step, so when it returns
 * the holder has a whole TTL left for a commit that takes milliseconds, and when the lock was lost
 * it throws and the work rolls back. Release compares the token too and never frees a successor's
 * lock. Not a fair lock: waiters are not served in arrival order.
 */
@Singleton
public final class DistributedLock {
    private final LockStore store;
    private final LockSettings settings;
    private final String prefix;
    private final Clock clock;
    private final Pause pause;
    private final Random random;

    @Inject
    DistributedLock(LockStore store, LockSettings settings, KafkaSettings kafka, Clock clock) {
        this(store, settings, kafka.namespace(), clock, Thread::sleep, new Random());
    }

    DistributedLock(LockStore store, LockSettings settings, String namespace, Clock clock,
                    Pause pause, Random random) {
        this.store = store;
        this.settings = settings;
        this.prefix = namespace + ":lock:";
        this.clock = clock;
        this.pause = pause;
        this.random = random;
    }

    /**
     * Takes the lock on {@code name} (Redis key {@code <namespace>:lock:<name>}, the namespace
     * being {@code im.kafka.namespace}), waiting a bounded time; release it by closing the lease.
     */
    public Lease acquire(String name) {
        String key = prefix + name;
        String token = UUID.randomUUID().toString();
        long ttlMs = settings.ttl().toMillis();
        long deadline = clock.millis() + settings.maxWait().toMillis();
        long backoff = settings.minBackoff().toMillis();
        for (int attempt = 1; ; attempt++) {
            if (store.setIfAbsent(key, token, ttlMs)) {
                return new Lease(store, key, token, ttlMs);
            }
            long left = deadline - clock.millis();
            if (attempt >= settings.maxAttempts() || left <= 0) {
                throw new ParleyException(ErrorCode.UNAVAILABLE,
                        "busy: another change of the same thing is in progress; retry");
            }
            pause(Math.min(left, backoff / 2 + random.nextLong(backoff - backoff / 2 + 1)));
            backoff = Math.min(backoff * 2, settings.maxBackoff().toMillis());
        }
    }

    private void pause(long ms) {
        try {
            pause.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ParleyException(ErrorCode.UNAVAILABLE,
                    "interrupted while waiting for a lock");
        }
    }

    /** How the lock waits between attempts; tests move a fake clock instead of sleeping. */
    @FunctionalInterface
    interface Pause {
        void sleep(long ms) throws InterruptedException;
    }
}
