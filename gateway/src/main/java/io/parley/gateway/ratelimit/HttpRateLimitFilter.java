package io.parley.gateway.ratelimit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.annotation.Scheduled;
import io.parley.contracts.error.ErrorCode;
import io.parley.gateway.api.ErrorBody;
import io.parley.gateway.auth.TokenService;

import java.time.Clock;
import java.util.Optional;

/**
 * Refuses API requests over the rate with 429 and code 1005, before security or any call to
 * logic: register/login per client address, everything else per verified user (a token whose
 * signature holds, however many tokens the user has). A request without such a token is refused by
 * security anyway and is counted in its address's auth bucket, so random bogus tokens get no
 * fresh bucket each.
 */
@ServerFilter("/api/**")
final class HttpRateLimitFilter implements Ordered {
    private static final String AUTH_PREFIX = "/api/auth/";
    private static final String BEARER = "Bearer ";

    private final TokenBuckets<String> auth;
    private final TokenBuckets<Long> api;
    private final TokenService tokens;

    HttpRateLimitFilter(HttpRateLimits limits, TokenService tokens, Clock clock) {
        this.tokens = tokens;
        this.auth = new TokenBuckets<>(limits.authPerSecond(), limits.authBurst(), clock);
        this.api = new TokenBuckets<>(limits.apiPerSecond(), limits.apiBurst(), clock);
    }

    @RequestFilter
    @Nullable
    HttpResponse<ErrorBody> limit(HttpRequest<?> request) {
        Optional<Long> user = request.getPath().startsWith(AUTH_PREFIX) ? Optional.empty()
                : request.getHeaders().getAuthorization().filter(h -> h.startsWith(BEARER))
                        .flatMap(h -> tokens.signedUserId(h.substring(BEARER.length()).strip()));
        boolean allowed = user.isPresent() ? api.tryAcquire(user.get())
                : auth.tryAcquire(request.getRemoteAddress().getAddress().getHostAddress());
        if (allowed) {
            return null;
        }
        return HttpResponse.<ErrorBody>status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", "1")
                .body(ErrorBody.of(ErrorCode.RATE_LIMITED, ErrorCode.RATE_LIMITED.defaultMessage()));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @Scheduled(fixedDelay = "60s", initialDelay = "60s")
    void forgetIdle() {
        auth.forgetIdle();
        api.forgetIdle();
    }
}
