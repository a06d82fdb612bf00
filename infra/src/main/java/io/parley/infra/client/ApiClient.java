package io.parley.infra.client;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The gateway's HTTP API as a browser uses it, for tests and benchmarks: plain JDK HTTP, JSON in
 * and out, every response returned with its status so callers can assert errors.
 */
public final class ApiClient {
    private static final Argument<Map<String, Object>> JSON_OBJECT =
            Argument.mapOf(String.class, Object.class);

    private final URI base;
    private final HttpClient http;
    private final ObjectMapper json = ObjectMapper.getDefault();

    public ApiClient(URI base) {
        this(base, null);
    }

    /** {@code tls}: what to trust for an https {@code base} (null: the JVM's default trust). */
    public ApiClient(URI base, SSLContext tls) {
        this.base = base;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        this.http = (tls == null ? builder : builder.sslContext(tls)).build();
    }

    public URI base() {
        return base;
    }

    /** A response: its status and its JSON object body (empty when there is none). */
    public record Reply(int status, Map<String, Object> body) {
        public long number(String field) {
            return ((Number) body.get(field)).longValue();
        }

        public String text(String field) {
            return (String) body.get(field);
        }

        /** The objects of a list field, e.g. {@code items}. */
        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> list(String field) {
            return (List<Map<String, Object>>) body.get(field);
        }
    }

    public Reply post(String path, String rawBody, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(rawBody));
        return send(withToken(request, token));
    }

    public Reply post(String path, Map<String, ?> body, String token) {
        return post(path, write(body), token);
    }

    public Reply patch(String path, Map<String, ?> body, String token) {
        return send(withToken(HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(write(body))), token));
    }

    public Reply delete(String path, String token) {
        return send(withToken(HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(10)).DELETE(), token));
    }

    /** POSTs raw bytes with this content type (an image upload). */
    public Reply postBytes(String path, byte[] body, String contentType, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(withToken(request, token));
    }

    /** A response's status, content type and raw bytes (an image download). */
    public record Bytes(int status, String contentType, byte[] body) {
    }

    public Bytes getBytes(String path, String token) {
        try {
            HttpResponse<byte[]> response = http.send(withToken(HttpRequest.newBuilder(
                    base.resolve(path)).timeout(Duration.ofSeconds(10)).GET(), token),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Bytes(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Reply get(String path, String token) {
        return send(withToken(HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(10)).GET(), token));
    }

    /** Any method, with a JSON body ({@code null}: none). */
    public Reply call(String method, String path, Map<String, ?> body, String token) {
        return send(withToken(HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(write(body))), token));
    }

    /** Registers (ignoring "already registered") and logs in; returns the session. */
    public Session signUp(String phone, String name, String password) {
        Reply registered = post("/api/auth/register", Map.of("phone", phone, "displayName", name,
                "password", password), null);
        if (registered.status() != 201 && registered.status() != 409) {
            throw new IllegalStateException("register failed: " + registered);
        }
        Reply login = post("/api/auth/login", Map.of("phone", phone, "password", password), null);
        if (login.status() != 200) {
            throw new IllegalStateException("login failed: " + login);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> user = (Map<String, Object>) login.body().get("user");
        return new Session(((Number) user.get("userId")).longValue(), login.text("accessToken"));
    }

    /** A signed-in user. */
    public record Session(long userId, String token) {
    }

    private HttpRequest withToken(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            Map<String, Object> parsed = body == null || body.isBlank() || !body.startsWith("{")
                    ? Map.of() : json.readValue(body, JSON_OBJECT);
            return new Reply(response.statusCode(), parsed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
