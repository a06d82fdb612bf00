package io.parley.gateway.auth;

import java.util.concurrent.CompletableFuture;

/**
 * Whether the user a signed token names exists: a token is only as good as its subject, so a
 * token for a deleted or never-registered user (a forged {@code sub}) is refused.
 */
public interface KnownUsers {
    /** True when the user exists; fails (UNAVAILABLE) when that cannot be said right now. */
    CompletableFuture<Boolean> exists(long userId);
}
