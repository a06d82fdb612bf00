package io.parley.logic.group;

import io.micronaut.core.annotation.Introspected;

/** A user's role in one group (listing a user's groups). */
@Introspected
record GroupRole(long groupId, String role) {
}
