package io.parley.gateway.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/** @param tokenTtl lifetime of an access token; the client logs in again after it */
@ConfigurationProperties("im.gateway.auth")
public record AuthSettings(@Bindable(defaultValue = "1h") Duration tokenTtl) {
}
