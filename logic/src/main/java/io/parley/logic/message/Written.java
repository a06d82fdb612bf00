package io.parley.logic.message;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one batch's transaction wrote: the stored messages, in the drafts' order, and for each
 * write-diffused conversation of the batch the members who had muted it, read with its members
 * in that transaction (a conversation not named was not read: a large group).
 */
record Written(List<Message> rows, Map<String, Set<Long>> mutedMembers) {
    Written {
        rows = List.copyOf(rows);
        mutedMembers = Map.copyOf(mutedMembers);
    }
}
