package io.parley.logic.lock;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** The lock store's contract on a map, with TTLs read from a (manual) clock. */
final class InMemoryLockStore implements LockStore {
    private record Entry(String token, long expiresAtMs) {
    }

    private final Map<String, Entry> entries = new HashMap<>();
    private final Clock clock;

    InMemoryLockStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized boolean setIfAbsent(String key, String token, long ttlMs) {
        if (live(key) != null) {
            return false;
        }
        entries.put(key, new Entry(token, clock.millis() + ttlMs));
        return true;
    }

    @Override
    public synchronized boolean extendIfHeld(String key, String token, long ttlMs) {
        Entry e = live(key);
        if (e == null || !e.token().equals(token)) {
            return false;
        }
        entries.put(key, new Entry(token, clock.millis() + ttlMs));
        return true;
    }

    @Override
    public synchronized boolean deleteIfHeld(String key, String token) {
        Entry e = live(key);
        if (e == null || !e.token().equals(token)) {
            return false;
        }
        entries.remove(key);
        return true;
    }

    synchronized boolean isHeld(String key) {
        return live(key) != null;
    }

    private Entry live(String key) {
        Entry e = entries.get(key);
        if (e != null && e.expiresAtMs() <= clock.millis()) {
            entries.remove(key);
            return null;
        }
        return e;
    }
}
