package io.parley.gateway.auth;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SigningSecretGuardTest {
    private static final String DEV = SigningSecretGuard.DEVELOPMENT_SECRET;

    @Test
    void refusesThePublishedSecretOutsideDevAndTest() {
        assertThrows(IllegalStateException.class, () -> SigningSecretGuard.check(DEV, Set.of()));
        assertThrows(IllegalStateException.class,
                () -> SigningSecretGuard.check(DEV, Set.of("prod", "k8s")));
        assertDoesNotThrow(() -> SigningSecretGuard.check(DEV, Set.of("dev")));
        assertDoesNotThrow(() -> SigningSecretGuard.check(DEV, Set.of("test")));
    }

    @Test
    void refusesAShortSecretAndAcceptsARandomOne() {
        assertThrows(IllegalStateException.class,
                () -> SigningSecretGuard.check("short", Set.of("test")));
        assertThrows(IllegalStateException.class, () -> SigningSecretGuard.check(null, Set.of()));
        assertDoesNotThrow(() -> SigningSecretGuard.check("q".repeat(16) + "0123456789abcdef0",
                Set.of()));
    }
}
