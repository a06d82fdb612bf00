package io.parley.gateway.group;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code POST /api/groups} and {@code PATCH /api/groups/{id}}: on a PATCH, a field left out (or
 * null) stays as it is. Logic validates the fields.
 */
@Serdeable
record GroupBody(@Nullable String name, @Nullable String avatarUrl, @Nullable String notice,
                 @Nullable String joinPolicy) {
}
