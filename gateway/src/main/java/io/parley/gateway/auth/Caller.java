package io.parley.gateway.auth;

import io.micronaut.security.authentication.Authentication;

/** Who is calling: the user id in the subject of the verified access token. */
public final class Caller {
    private Caller() {
    }

    public static long id(Authentication auth) {
        return Long.parseLong(auth.getName());
    }
}
