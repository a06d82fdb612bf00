package io.parley.gateway.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.jwt.validator.JsonWebTokenValidator;
import com.nimbusds.jwt.JWT;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import jakarta.inject.Singleton;

import java.text.ParseException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Issues the short-lived access token (a signed JWT whose subject is the user id) and checks one
 * presented on a WebSocket connect, where browsers cannot send an Authorization header.
 */
@Singleton
public final class TokenService {
    private final TokenGenerator generator;
    private final JsonWebTokenValidator<JWT, HttpRequest<?>> validator;
    private final AuthSettings settings;

    TokenService(TokenGenerator generator, JsonWebTokenValidator<JWT, HttpRequest<?>> validator,
                 AuthSettings settings) {
        this.generator = generator;
        this.validator = validator;
        this.settings = settings;
    }

    public String issue(long userId, String displayName) {
        Authentication auth = Authentication.build(Long.toString(userId),
                Map.of("name", displayName));
        return generator.generateToken(auth, (int) settings.tokenTtl().toSeconds())
                .orElseThrow(() -> new ParleyException(ErrorCode.INTERNAL,
                        "token could not be generated"));
    }

    public Duration ttl() {
        return settings.tokenTtl();
    }

    /**
     * The user id in a valid, unexpired token; empty for anything else. Synchronous (HMAC only),
     * so it may run on a socket's event loop.
     */
    public Optional<Long> verify(@Nullable String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        try {
            Optional<JWT> jwt = validator.validate(token, null);
            if (jwt.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(Long.parseLong(jwt.get().getJWTClaimsSet().getSubject()));
        } catch (ParseException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
