package io.parley.gateway.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** {@code POST /api/auth/login}. */
@Serdeable
record LoginBody(@Nullable String phone, @Nullable String password) {
}
