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
}
