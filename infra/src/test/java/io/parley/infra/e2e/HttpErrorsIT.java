package io.parley.infra.e2e;

import io.parley.infra.cluster.Cluster;
import io.parley.infra.cluster.ClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests the server cannot or will not take get their 4xx with {@code {code, message}}, from a
 * raw socket so that bytes no well-behaved client would send reach the server, and none of them
 * is logged as a server fault.
 */
@ExtendWith(ClusterExtension.class)
@Timeout(300)
class HttpErrorsIT {
    private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.1 (\\d{3})");
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*(\\d+)");

    @Test
    void everyRefusedRequestAnswersItsStatusWithCodeAndMessage(Cluster cluster) throws Exception {
        URI gw = cluster.gateway1().http();
        expect(gw, get("/health/%zz"), 400, 1014);
        expect(gw, get("/health?x=%"), 400, 1014);
        expect(gw, get("/api/users/search?q=%e"), 400, 1014);
        expect(gw, get("/%zz"), 400, 1014);
        expect(gw, request("DELETE /api/auth/login", "Content-Length: 0\r\n", ""), 405, 1008);
        expect(gw, request("GET /api/auth/login", "", ""), 405, 1008);
        expect(gw, request("POST /api/auth/login", "Content-Type: application/json\r\n"
                + "Content-Length: 50000000\r\n", ""), 413, 1009);
        expect(gw, request("POST /api/auth/login", "Content-Type: text/plain\r\n"
                + "Content-Length: 2\r\n", "hi"), 415, 1012);
        expect(gw, get("/health?" + "a".repeat(10_000)), 414, 1010);
        expect(gw, request("GET /health", "X-Big: " + "b".repeat(20_000) + "\r\n", ""), 431,
                1011);
        expect(gw, request("GET /health", "X-Bad: a\u0001b\r\n", ""), 400, 1014);

        String log = Files.readString(cluster.gateway1().log());
        assertFalse(log.contains("unexpected failure"), "a client mistake logged as a fault");
        assertFalse(log.contains("\tat io.micronaut"), "a stack trace for a client mistake");
    }

    private static byte[] get(String target) {
        return request("GET " + target, "", "");
    }

    private static byte[] request(String line, String headers, String body) {
        return (line + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + headers + "\r\n"
                + body).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void expect(URI gw, byte[] request, int status, int code) throws Exception {
        String answer = RawSocket.http(gw, request);
        String what = new String(request, 0, Math.min(request.length, 80),
                StandardCharsets.ISO_8859_1);
        Matcher s = STATUS.matcher(answer);
        assertTrue(s.find(), what + " -> " + answer);
        assertEquals(status, Integer.parseInt(s.group(1)), what + " -> " + answer);
        assertTrue(answer.toLowerCase().contains("content-type: application/json"),
                what + " -> " + answer);
        Matcher c = CODE.matcher(answer);
        assertTrue(c.find(), what + " -> " + answer);
        assertEquals(code, Integer.parseInt(c.group(1)), what + " -> " + answer);
        assertTrue(answer.contains("\"message\""), what + " -> " + answer);
    }
}
