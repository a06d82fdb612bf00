package io.parley.gateway.auth;

import io.micronaut.serde.annotation.Serdeable;

/** The answer to a login. {@code expiresIn} is in seconds. */
@Serdeable
record LoginView(String accessToken, String tokenType, long expiresIn, AccountView user) {
}
