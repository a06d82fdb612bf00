package io.parley.infra.e2e;

import io.parley.infra.client.ApiClient;

import java.util.concurrent.ThreadLocalRandom;

/** Fresh accounts for a test: random phones, so runs never collide. */
final class Users {
    static final String PASSWORD = "correct-horse-1";

    private Users() {
    }

    static String randomPhone() {
        return "+1" + (1_000_000_000L + ThreadLocalRandom.current().nextLong(8_999_999_999L));
    }

    static ApiClient.Session signUp(ApiClient api, String name) {
        return api.signUp(randomPhone(), name, PASSWORD);
    }

    /** Makes two users friends through the public API: a request, then its acceptance. */
    static void befriend(ApiClient api, ApiClient.Session a, ApiClient.Session b) {
        ApiClient.Reply request = api.post("/api/friends/requests",
                java.util.Map.of("toUserId", b.userId(), "greeting", "hi"), a.token());
        if (request.status() != 201 && request.status() != 200) {
            throw new IllegalStateException("friend request failed: " + request);
        }
        ApiClient.Reply accepted = api.post("/api/friends/requests/"
                + request.number("requestId") + "/accept", "", b.token());
        if (accepted.status() != 200) {
            throw new IllegalStateException("accept failed: " + accepted);
        }
    }
}
