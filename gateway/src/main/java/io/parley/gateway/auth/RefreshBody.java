package io.parley.gateway.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** {@code POST /api/auth/refresh}, and optionally {@code POST /api/auth/logout}. */
@Serdeable
record RefreshBody(@Nullable String refreshToken) {
}
