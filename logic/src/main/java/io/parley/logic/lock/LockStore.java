package io.parley.logic.lock;

/**
 * The three atomic operations a lock needs from its store. Each compares the token, so only the
 * holder can extend or release, and an expired holder can never release its successor's lock.
 */
interface LockStore {
    /** Sets {@code key} to {@code token} with a TTL if nobody holds it; true when set. */
    boolean setIfAbsent(String key, String token, long ttlMs);

    /** Renews the TTL if {@code key} still holds {@code token}; true when renewed. */
    boolean extendIfHeld(String key, String token, long ttlMs);

    /** Deletes {@code key} if it still holds {@code token}; true when deleted. */
    boolean deleteIfHeld(String key, String token);
}
