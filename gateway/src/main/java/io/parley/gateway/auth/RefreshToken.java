package io.parley.gateway.auth;

/**
 * A refresh token as handed to the client (only its SHA-256 is stored), with whose it is and the
 * family it belongs to: every token rotated out of one login shares the login's family.
 */
record RefreshToken(String token, long userId, String familyId) {
    RefreshToken {
        if (token == null || token.isBlank() || familyId == null || familyId.isBlank()) {
            throw new IllegalArgumentException("a refresh token needs a value and a family");
        }
    }
}
