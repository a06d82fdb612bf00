package io.parley.logic.group;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** One page of a member list; {@code nextCursor} is null on the last page. */
public record MemberPage(List<MemberView> members, @Nullable String nextCursor) {
    public MemberPage {
        members = List.copyOf(members);
    }
}
