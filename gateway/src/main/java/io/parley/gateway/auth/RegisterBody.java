package io.parley.gateway.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** {@code POST /api/auth/register}; logic validates the fields. */
@Serdeable
record RegisterBody(@Nullable String phone, @Nullable String displayName,
                    @Nullable String password) {
}
