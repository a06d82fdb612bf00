package io.parley.gateway.auth;

import io.micronaut.scheduling.TaskExecutors;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * Asks logic's account service, off the event loop, and remembers a user found for
 * {@code im.gateway.auth.known-user-ttl}: accounts are never deleted, so a positive answer stays
 * true, and each socket connect or API call then costs no round trip. A missing user is never
 * remembered (it may register a moment later); the cache is bounded and simply emptied when full.
 */
@Singleton
final class AccountKnownUsers implements KnownUsers {
    private static final int MAX_ENTRIES = 100_000;

    private final AccountClient accounts;
    private final ExecutorService blocking;
    private final AuthSettings settings;
    private final Clock clock;
    private final Map<Long, Long> foundUntil = new ConcurrentHashMap<>();

    AccountKnownUsers(AccountClient accounts, @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
                      AuthSettings settings, Clock clock) {
        this.accounts = accounts;
        this.blocking = blocking;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<Boolean> exists(long userId) {
        Long until = foundUntil.get(userId);
        if (until != null && until > clock.millis()) {
            return CompletableFuture.completedFuture(true);
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                accounts.user(userId);
            } catch (ParleyException e) {
                if (e.error() == ErrorCode.USER_NOT_FOUND) {
                    return false;
                }
                throw e;
            }
            if (foundUntil.size() >= MAX_ENTRIES) {
                foundUntil.clear();
            }
            foundUntil.put(userId, clock.millis() + settings.knownUserTtl().toMillis());
            return true;
        }, blocking);
    }
}
