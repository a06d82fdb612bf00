package io.parley.gateway.auth;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.security.token.jwt.validator.JsonWebTokenValidator;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import jakarta.inject.Singleton;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Issues the short-lived access token (a signed JWT whose subject is the user id, with a random
 * {@code jti}) and is the one place a presented token is checked: signature and expiry, then
 * whether it was revoked by a logout. HTTP requests ({@link AccessTokenValidator}) and WebSocket
 * connects both come here.
 */
@Singleton
public final class TokenService {
    private final TokenGenerator generator;
    private final JsonWebTokenValidator<JWT, HttpRequest<?>> validator;
    private final TokenRevocations revocations;
    private final KnownUsers users;
    private final AuthSettings settings;
    private final Clock clock;

    TokenService(TokenGenerator generator, JsonWebTokenValidator<JWT, HttpRequest<?>> validator,
                 TokenRevocations revocations, KnownUsers users, AuthSettings settings,
                 Clock clock) {
        this.generator = generator;
        this.validator = validator;
        this.revocations = revocations;
        this.users = users;
        this.settings = settings;
        this.clock = clock;
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
     * The token if it is signed by us, in force ({@code nbf} to {@code exp}), not revoked and its
     * user exists; empty for anything else. Fails (UNAVAILABLE) only when Redis or logic cannot
     * say. The signature check is
     * synchronous HMAC and the revocation look-up asynchronous, so this may start on an event loop.
     */
    public CompletableFuture<Optional<AccessToken>> verify(@Nullable String token) {
        Optional<AccessToken> parsed = parse(token);
        if (parsed.isEmpty()) {
            return CompletableFuture.completedFuture(parsed);
        }
        return revocations.isRevoked(parsed.get().tokenId())
                .thenCombine(users.exists(parsed.get().userId()),
                        (revoked, exists) -> !revoked && exists)
                .handle((valid, error) -> {
                    if (error != null) {
                        throw new ParleyException(ErrorCode.UNAVAILABLE,
                                "cannot check the token right now");
                    }
                    return valid ? parsed : Optional.<AccessToken>empty();
                });
    }

    /**
     * The user a token was signed for, checking only signature, expiry and {@code nbf}
     * (synchronous, no I/O): what a rate limit may key on before the full check.
     */
    public Optional<Long> signedUserId(@Nullable String token) {
        return parse(token).map(AccessToken::userId);
    }

    /** Whether a token that was valid has been revoked since (a logout raced its connect). */
    public CompletableFuture<Boolean> isRevoked(AccessToken token) {
        return revocations.isRevoked(token.tokenId());
    }

    /** Logs the token out everywhere until it would have expired. */
    public CompletableFuture<Void> revoke(AccessToken token) {
        return revocations.revoke(token.tokenId(),
                Duration.between(clock.instant(), token.expiresAt()));
    }

    private Optional<AccessToken> parse(@Nullable String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        try {
            Optional<JWT> jwt = validator.validate(token, null);
            if (jwt.isEmpty()) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.get().getJWTClaimsSet();
            // Tokens without an id cannot be revoked, so they are not accepted at all.
            if (claims.getJWTID() == null || claims.getExpirationTime() == null) {
                return Optional.empty();
            }
            if (claims.getNotBeforeTime() != null && claims.getNotBeforeTime().toInstant()
                    .isAfter(clock.instant().plus(settings.clockSkew()))) {
                return Optional.empty();
            }
            return Optional.of(new AccessToken(Long.parseLong(claims.getSubject()),
                    claims.getJWTID(), claims.getExpirationTime().toInstant()));
        } catch (ParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
