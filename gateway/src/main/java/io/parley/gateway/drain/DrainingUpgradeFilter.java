package io.parley.gateway.drain;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.parley.contracts.error.ErrorCode;
import io.parley.gateway.api.ErrorBody;
import io.parley.gateway.ws.Connections;

/**
 * While the gateway drains, a socket upgrade ({@code GET /ws}) is refused with 503 and code 9003
 * before the token is even looked at: the client asks {@code GET /api/gateway} (answered by any
 * gateway, this one included, with a live other) and connects there.
 */
@ServerFilter("/ws")
final class DrainingUpgradeFilter implements Ordered {
    private final Connections connections;

    DrainingUpgradeFilter(Connections connections) {
        this.connections = connections;
    }

    @RequestFilter
    @Nullable
    HttpResponse<ErrorBody> refuseWhileDraining(HttpRequest<?> request) {
        if (connections.admitting()) {
            return null;
        }
        return HttpResponse.<ErrorBody>status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "1")
                .body(ErrorBody.of(ErrorCode.GATEWAY_DRAINING,
                        ErrorCode.GATEWAY_DRAINING.defaultMessage()));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }
}
