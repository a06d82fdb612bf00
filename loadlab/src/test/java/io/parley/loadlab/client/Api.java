package io.parley.loadlab.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The few HTTP API calls the set-up makes, with a retry on 429 (Retry-After) and on 503. */
public final class Api {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** A status and its JSON body (null when empty). */
    public record Reply(int status, JsonNode body) {
        public Reply expect(int... statuses) {
            for (int s : statuses) {
                if (s == status) {
                    return this;
                }
            }
            throw new IllegalStateException("HTTP " + status + ": " + body);
        }
    }

    private Api() {
    }

    public static Reply post(URI gateway, String path, Object body, String token) {
        return call(gateway, path, "POST", body, token);
    }

    public static Reply get(URI gateway, String path, String token) {
        return call(gateway, path, "GET", null, token);
    }

    private static Reply call(URI gateway, String path, String method, Object body, String token) {
        for (int attempt = 1; ; attempt++) {
            try {
                HttpRequest.Builder b = HttpRequest.newBuilder(gateway.resolve(path))
                        .timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
                if (token != null) {
                    b.header("Authorization", "Bearer " + token);
                }
                if (body == null) {
                    b.method(method, HttpRequest.BodyPublishers.noBody());
                } else {
                    b.header("Content-Type", "application/json").method(method,
                            HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
                }
                HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
                if ((r.statusCode() == 429 || r.statusCode() == 503) && attempt < 120) {
                    Thread.sleep(1000);
                    continue;
                }
                JsonNode json = r.body().isBlank() ? null : JSON.readTree(r.body());
                return new Reply(r.statusCode(), json);
            } catch (IOException e) {
                if (attempt >= 5) {
                    throw new IllegalStateException(method + " " + path + ": " + e, e);
                }
                sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
