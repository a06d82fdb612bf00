package io.parley.logic.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A row of {@code users}. The password hash never leaves the logic service. */
@MappedEntity("users")
public record User(@Id @GeneratedValue @Nullable Long id,
                   String phone,
                   String displayName,
                   @Nullable String avatarUrl,
                   @Nullable String bio,
                   String passwordHash,
                   Instant createdAt) {
}
