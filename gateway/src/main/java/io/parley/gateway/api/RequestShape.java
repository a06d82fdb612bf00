package io.parley.gateway.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.parley.contracts.error.ErrorCode;

import java.net.URISyntaxException;

/**
 * Whether a request can be read at all: its URL's %-escapes decode and Netty parsed its head. An
 * error handler asks before blaming the server, and logs the raw path, which never throws.
 */
final class RequestShape {
    private RequestShape() {
    }

    /**
     * Why the request cannot be read, or null when it can: a request line over Netty's limit
     * (1010), headers over it (1011), anything else Netty could not parse or a %-escape that does
     * not decode (1014). {@code error} is the failure being handled, when there is one: a URL
     * Micronaut could not parse reaches the handler as a stand-in request for {@code /} with a
     * {@link URISyntaxException} in its cause chain.
     */
    static ErrorCode unreadable(HttpRequest<?> request, Throwable error) {
        if (request instanceof NettyHttpRequest<?> netty
                && netty.getNativeRequest().decoderResult().isFailure()) {
            Throwable cause = netty.getNativeRequest().decoderResult().cause();
            if (cause instanceof TooLongHttpLineException) {
                return ErrorCode.URL_TOO_LONG;
            }
            if (cause instanceof TooLongHttpHeaderException) {
                return ErrorCode.HEADERS_TOO_LARGE;
            }
            return ErrorCode.MALFORMED_URL;
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof URISyntaxException) {
                return ErrorCode.MALFORMED_URL;
            }
        }
        try {
            QueryStringDecoder url = new QueryStringDecoder(rawUri(request));
            url.path();
            url.parameters();
            return null;
        } catch (IllegalArgumentException e) {
            return ErrorCode.MALFORMED_URL;
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
