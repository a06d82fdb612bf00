package io.parley.gateway.auth;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Refuses to start the gateway with a signing secret anyone can read: the development default
 * from application.yml (it is in the repository) unless the environment is {@code dev} or
 * {@code test}, and any secret shorter than HS256 needs. {@code infra/scripts/up.sh} generates a
 * random secret per installation under {@code .run/}; deployments set {@code JWT_SECRET}.
 */
@Context
final class SigningSecretGuard {
    static final String DEVELOPMENT_SECRET = "parley-local-dev-secret-change-me-0123456789";
    private static final int MIN_BYTES = 32;

    SigningSecretGuard(
            @Value("${micronaut.security.token.jwt.signatures.secret.generator.secret}")
            String secret, Environment environment) {
        check(secret, environment.getActiveNames());
    }

    static void check(String secret, Set<String> environments) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_BYTES) {
            throw new IllegalStateException("JWT_SECRET must be at least " + MIN_BYTES + " bytes");
        }
        if (secret.equals(DEVELOPMENT_SECRET) && !environments.contains(Environment.DEVELOPMENT)
                && !environments.contains(Environment.TEST)) {
            throw new IllegalStateException("refusing to start with the published development "
                    + "JWT secret: set JWT_SECRET (32+ random bytes), or run with "
                    + "MICRONAUT_ENVIRONMENTS=dev on a developer machine");
        }
    }
}
