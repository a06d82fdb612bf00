package io.parley.gateway.auth;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * The only validator of Bearer tokens on HTTP (Micronaut's own reactive JWT validator is switched
 * off in application.yml): a token {@link TokenService} accepts authenticates the request, with
 * its id and expiry kept for a logout; a revoked one is as good as none (401, 2001).
 */
@Singleton
final class AccessTokenValidator implements TokenValidator<HttpRequest<?>> {
    private final TokenService tokens;

    AccessTokenValidator(TokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        return Mono.fromFuture(() -> tokens.verify(token))
                .flatMap(valid -> Mono.justOrEmpty(valid.map(AccessToken::toAuthentication)));
    }
}
