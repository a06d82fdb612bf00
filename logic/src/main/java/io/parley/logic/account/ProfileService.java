package io.parley.logic.account;

import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import jakarta.inject.Singleton;

/**
 * Profiles, cache-aside: reads go to Redis and on a miss to MariaDB, putting what they loaded
 * back; an update writes MariaDB first, then deletes the cached entry, then schedules a second
 * delete. The second delete closes the window in which a read that loaded the old row before the
 * commit puts it back after the first delete (docs/architecture.md).
 */
@Singleton
public final class ProfileService {
    private final UserRepository users;
    private final ProfileCache cache;
    private final AccountLimits limits;

    ProfileService(UserRepository users, ProfileCache cache, AccountLimits limits) {
        this.users = users;
        this.cache = cache;
        this.limits = limits;
    }

    public Profile get(long userId) {
        return cache.get(userId).orElseGet(() -> {
            Profile loaded = load(userId);
            cache.put(loaded);
            return loaded;
        });
    }

    public Profile update(long userId, ProfileChange change) {
        String name = change.displayName() == null ? null
                : limits.displayName(change.displayName());
        if (change.isEmpty()) {
            return get(userId);
        }
        long changed = users.updateProfile(userId,
                name != null, name,
                change.avatarUrl() != null, ProfileChange.orNull(change.avatarUrl()),
                change.bio() != null, ProfileChange.orNull(change.bio()));
        if (changed == 0 && !users.existsById(userId)) {
            throw new ParleyException(ErrorCode.USER_NOT_FOUND);
        }
        cache.evict(userId);
        return load(userId);
    }

    private Profile load(long userId) {
        return users.findById(userId).map(Profile::of)
                .orElseThrow(() -> new ParleyException(ErrorCode.USER_NOT_FOUND));
    }
}
