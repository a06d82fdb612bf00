package io.parley.logic.lock;

import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A held lock, identified by its random token. Close it to release the lock. */
public final class Lease implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Lease.class);

    private final LockStore store;
    private final String key;
    private final String token;
    private final long ttlMs;

    Lease(LockStore store, String key, String token, long ttlMs) {
        this.store = store;
        this.key = key;
        this.token = token;
        this.ttlMs = ttlMs;
    }

    /**
     * Checks that the lock is still held and renews its TTL, atomically. Call it right before
     * making the protected work durable; it throws {@link ErrorCode#UNAVAILABLE} when the lock
     * expired meanwhile (another holder may be running), so that the work is rolled back.
     */
    public void confirm() {
        if (!store.extendIfHeld(key, token, ttlMs)) {
            throw new ParleyException(ErrorCode.UNAVAILABLE,
                    "the lock expired before the change was saved; nothing changed, retry");
        }
    }

    /**
     * Releases the lock if it is still held. A failure is only logged: the work is done by then,
     * and the lock frees itself after its TTL.
     */
    @Override
    public void close() {
        try {
            if (!store.deleteIfHeld(key, token)) {
                LOG.warn("lock {} had expired before its release", key);
            }
        } catch (ParleyException e) {
            LOG.warn("could not release lock {}; it expires by itself: {}", key, e.getMessage());
        }
    }
}
