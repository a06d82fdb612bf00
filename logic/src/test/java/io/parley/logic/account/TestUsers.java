package io.parley.logic.account;

import jakarta.inject.Singleton;

import java.util.concurrent.ThreadLocalRandom;

/** Fresh accounts for integration tests: random phones, so runs never collide. */
@Singleton
public final class TestUsers {
    private final AccountService accounts;

    TestUsers(AccountService accounts) {
        this.accounts = accounts;
    }

    public static String randomPhone() {
        return "+1" + (1_000_000_000L + ThreadLocalRandom.current().nextLong(8_999_999_999L));
    }

    public User create(String displayName) {
        return accounts.register(randomPhone(), displayName, "password-1");
    }

    public long createId(String displayName) {
        return create(displayName).id();
    }
}
