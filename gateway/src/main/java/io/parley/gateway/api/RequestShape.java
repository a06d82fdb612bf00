package io.parley.gateway.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;

/**
 * Whether a request can be read at all: its URL's %-escapes decode and Netty parsed its head. An
 * error handler asks before blaming the server, and logs the raw path, which never throws.
 */
final class RequestShape {
    private RequestShape() {
    }

    static boolean isUndecodable(HttpRequest<?> request) {
        if (request instanceof NettyHttpRequest<?> netty
                && netty.getNativeRequest().decoderResult().isFailure()) {
            return true;
        }
        try {
            QueryStringDecoder url = new QueryStringDecoder(rawUri(request));
            url.path();
            url.parameters();
            return false;
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    /** The path as sent, cut at 200 characters, for a log line. */
    static String pathForLog(HttpRequest<?> request) {
        String raw = rawUri(request);
        int query = raw.indexOf('?');
        String path = query < 0 ? raw : raw.substring(0, query);
        return path.length() > 200 ? path.substring(0, 200) + "…" : path;
    }

    private static String rawUri(HttpRequest<?> request) {
        if (request instanceof NettyHttpRequest<?> netty) {
            return netty.getNativeRequest().uri();
        }
        try {
            return request.getUri().toString();
        } catch (RuntimeException e) {
            return "?";
        }
    }
}
