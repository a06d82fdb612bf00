package io.parley.gateway.auth;

import io.micronaut.security.authentication.Authentication;

import java.time.Instant;
import java.util.Map;

/**
 * A verified access token: whose it is, its id ({@code jti}, what a logout revokes) and when it
 * expires (how long the revocation must be remembered).
 */
public record AccessToken(long userId, String tokenId, Instant expiresAt) {
    static final String TOKEN_ID = "jti";
    static final String EXPIRES_AT = "exp";

    public AccessToken {
        if (tokenId == null || tokenId.isBlank()) {
            throw new IllegalArgumentException("an access token needs an id");
        }
    }

    /** The HTTP security context of a request carrying this token. */
    Authentication toAuthentication() {
        return Authentication.build(Long.toString(userId),
                Map.of(TOKEN_ID, tokenId, EXPIRES_AT, expiresAt.getEpochSecond()));
    }

    /** The token a request was authenticated with (see {@link AccessTokenValidator}). */
    static AccessToken of(Authentication auth) {
        Map<String, Object> attributes = auth.getAttributes();
        return new AccessToken(Caller.id(auth),
                (String) attributes.get(TOKEN_ID),
                Instant.ofEpochSecond(((Number) attributes.get(EXPIRES_AT)).longValue()));
    }
}
