package io.parley.gateway.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * @param tokenTtl     lifetime of an access token; the client refreshes it before it runs out
 * @param refreshTtl   lifetime of a refresh token from its issue; each refresh hands out a new one
 * @param knownUserTtl how long a gateway remembers that a token's user exists
 * @param clockSkew    how far a token's {@code nbf} may lie in the future and still be accepted
 */
@ConfigurationProperties("im.gateway.auth")
public record AuthSettings(@Bindable(defaultValue = "15m") Duration tokenTtl,
                           @Bindable(defaultValue = "30d") Duration refreshTtl,
                           @Bindable(defaultValue = "10m") Duration knownUserTtl,
                           @Bindable(defaultValue = "30s") Duration clockSkew) {
}
