package io.parley.logic.group;

import io.micronaut.core.annotation.Introspected;

/** One row of a group's member list as the cache holds it. */
@Introspected
record MemberRole(long userId, String role) {
}
