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

import java.time.Clock;

/**
 * Refuses API requests over the rate with 429 and code 1005, before security or any call to
 * logic: register/login per client address, everything else per bearer token (requests without
 * one are refused by security anyway and share the address's auth bucket).
 */
@ServerFilter("/api/**")
final class HttpRateLimitFilter implements Ordered {
    private static final String AUTH_PREFIX = "/api/auth/";

    private final TokenBuckets<String> auth;
    private final TokenBuckets<String> api;

    HttpRateLimitFilter(HttpRateLimits limits, Clock clock) {
        this.auth = new TokenBuckets<>(limits.authPerSecond(), limits.authBurst(), clock);
        this.api = new TokenBuckets<>(limits.apiPerSecond(), limits.apiBurst(), clock);
    }

    @RequestFilter
    @Nullable
    HttpResponse<ErrorBody> limit(HttpRequest<?> request) {
        String token = request.getHeaders().getAuthorization().orElse(null);
        boolean allowed = request.getPath().startsWith(AUTH_PREFIX) || token == null
                ? auth.tryAcquire(request.getRemoteAddress().getAddress().getHostAddress())
                : api.tryAcquire(token);
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
