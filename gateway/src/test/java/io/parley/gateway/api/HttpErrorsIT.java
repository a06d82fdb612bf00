package io.parley.gateway.api;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests the server cannot or will not take get their 4xx with {@code {code, message}}, sent
 * byte by byte over a socket so that what no well-behaved client sends reaches the server.
 */
@MicronautTest
class HttpErrorsIT {
    private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.[01] (\\d{3})");
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*(\\d+)");

    @Inject
    EmbeddedServer server;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "GET /api/auth/login             | ''                                   | 405 | 1008",
        "POST /api/auth/login            | Content-Length: 50000000             | 413 | 1009",
        "GET /health/%zz                 | ''                                   | 400 | 1014",
        "GET /health?x=%zz               | ''                                   | 400 | 1014",
        "GET /api/users/%                | ''                                   | 400 | 1014",
        "GET /api/conversations?x=%E0%A4%A | ''                                 | 400 | 1014",
        "GET /health?x=LONG_QUERY        | ''                                   | 414 | 1010",
        "GET /health                     | X-Long: LONG_HEADER                  | 431 | 1011",
        "POST /api/auth/login            | Content-Type: text/plain             | 415 | 1012",
        "POST /api/auth/login            | Accept: text/csv                     | 406 | 1013",
        "POST /api/auth/login            | BODY {\"phone\": 15550001234, \"password\": \"pw-12345\"} | 400 | 1001",
        "POST /api/auth/register         | BODY {\"phone\": \"+15550001234\", \"displayName\": 12, \"password\": \"pw-12345\"} | 400 | 1001"
    })
    void answersItsStatusWithCodeAndMessage(String line, String header, int status, int code)
            throws Exception {
        String body = header.startsWith("BODY ") ? header.substring(5) : null;
        String request = line.replace("LONG_QUERY", "a".repeat(10_000))
                + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + (header.isEmpty() || body != null ? ""
                        : header.replace("LONG_HEADER", "b".repeat(20_000)) + "\r\n")
                + (body != null ? "Content-Type: application/json\r\nContent-Length: "
                        + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body
                        : line.startsWith("POST") && !header.startsWith("Content-Length")
                        ? "Content-Length: 2\r\n\r\nhi" : "\r\n");
        String answer;
        try (Socket s = new Socket(server.getHost(), server.getPort())) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher st = STATUS.matcher(answer);
        assertTrue(st.find(), line + " -> " + answer);
        assertEquals(status, Integer.parseInt(st.group(1)), line + " -> " + answer);
        assertTrue(answer.toLowerCase().contains("content-type: application/json"),
                line + " -> " + answer);
        Matcher c = CODE.matcher(answer);
        assertTrue(c.find(), line + " -> " + answer);
        assertEquals(code, Integer.parseInt(c.group(1)), line + " -> " + answer);
        assertTrue(answer.contains("\"message\""), line + " -> " + answer);
    }
}
