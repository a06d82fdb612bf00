package io.parley.logic.group;

/** A group as one of its members sees it: with that member's role. */
public record GroupView(Group group, Role myRole) {
}
