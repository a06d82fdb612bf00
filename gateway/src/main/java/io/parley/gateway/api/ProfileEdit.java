package io.parley.gateway.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code PATCH /api/me}: the fields present change, an empty avatarUrl or bio clears it; logic
 * validates them.
 */
@Serdeable
record ProfileEdit(@Nullable String displayName, @Nullable String avatarUrl,
                   @Nullable String bio) {
}
