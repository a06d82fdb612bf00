package io.parley.gateway.ws;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.netty.NettyHttpHeaders;

import java.util.ArrayList;

/**
 * Empties what Micronaut keeps of a socket's HTTP upgrade request once the socket is admitted.
 * Micronaut holds that request (from the WebSocket handler and the session) for the socket's
 * whole life, with its ~10 header entries and its attributes (the route match, the cached
 * query parameters): about 2 KiB per idle socket that nothing reads after {@code @OnOpen}
 * (issue #10). Parley's socket handlers take only the session and the frame text, so the
 * headers and attributes are cleared; the request line (method, URI with the token) stays,
 * because the request keeps it in final fields.
 */
final class UpgradeRequestTrim {
    private UpgradeRequestTrim() {
    }

    static void trim(HttpRequest<?> request) {
        HttpHeaders headers = request.getHeaders();
        if (headers instanceof NettyHttpHeaders netty) {
            netty.getNettyHeaders().clear();
        } else if (headers instanceof MutableHttpHeaders mutable) {
            for (String name : new ArrayList<>(mutable.names())) {
                mutable.remove(name);
            }
        }
        request.getAttributes().clear();
    }
}
