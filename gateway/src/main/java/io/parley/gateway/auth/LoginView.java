package io.parley.gateway.auth;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The answer to a login and to a refresh. {@code expiresIn} (the access token) and
 * {@code refreshExpiresIn} are in seconds.
 */
@Serdeable
record LoginView(String accessToken, String tokenType, long expiresIn, String refreshToken,
                 long refreshExpiresIn, AccountView user) {
}
