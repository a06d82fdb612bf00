package io.parley.gateway.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * @param tokenTtl   lifetime of an access token; the client refreshes it before it runs out
 * @param refreshTtl lifetime of a refresh token from its issue; each refresh hands out a new one
 */
@ConfigurationProperties("im.gateway.auth")
public record AuthSettings(@Bindable(defaultValue = "15m") Duration tokenTtl,
                           @Bindable(defaultValue = "30d") Duration refreshTtl) {
}
