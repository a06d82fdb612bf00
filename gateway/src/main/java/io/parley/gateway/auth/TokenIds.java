package io.parley.gateway.auth;

import io.micronaut.security.token.claims.JtiGenerator;
import jakarta.inject.Singleton;

import java.util.UUID;

/** Gives every issued token a random id ({@code jti}): what a logout revokes. */
@Singleton
final class TokenIds implements JtiGenerator {
    @Override
    public String generateJtiClaim() {
        return UUID.randomUUID().toString();
    }
}
