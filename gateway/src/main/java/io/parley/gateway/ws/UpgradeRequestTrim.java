package io.parley.gateway.ws;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.netty.NettyHttpHeaders;
import io.micronaut.http.server.netty.AbstractNettyHttpRequest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;

/**
 * Empties what Micronaut keeps of a socket's HTTP upgrade request once the socket is admitted.
 * Micronaut holds that request (from the WebSocket handler and the session) for the socket's
 * whole life, with its ~10 header entries, its attributes (the route match) and two caches it
 * fills lazily: the parsed {@code java.net.URI} and the decoded query parameters, each with a copy
 * of the token (issue #10: a heap dump of 6,500 idle sockets found four copies of each socket's
 * token). Parley's socket handlers take only the session and the frame text, so the headers and
 * attributes are cleared and the two caches dropped; Micronaut rebuilds a cache from the request
 * line if anything asks again. The request line itself (URI with the token) stays, in final
 * fields, and so does the copy in Netty's handshaker. The caches are private fields without an
 * accessor: a private lookup reaches them, as {@link SessionChannel} does; when a later Micronaut
 * renames them, they are simply kept.
 */
final class UpgradeRequestTrim {
    private static final VarHandle URI = find("uri", java.net.URI.class);
    private static final VarHandle PARAMETERS = find("httpParameters",
            io.micronaut.http.netty.NettyHttpParameters.class);

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
        if (request instanceof AbstractNettyHttpRequest<?> netty) {
            if (URI != null) {
                URI.setVolatile(netty, (java.net.URI) null);
            }
            if (PARAMETERS != null) {
                PARAMETERS.setVolatile(netty, (io.micronaut.http.netty.NettyHttpParameters) null);
            }
        }
    }

    private static VarHandle find(String field, Class<?> type) {
        try {
            return MethodHandles.privateLookupIn(AbstractNettyHttpRequest.class, MethodHandles.lookup())
                    .findVarHandle(AbstractNettyHttpRequest.class, field, type);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
