package io.parley.loadlab.client;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * Every member of a group but one, as a read-only view of the group's one member array: each of
 * 10,000 members holds a view (two fields), not a list of the 9,999 others, so a group's set-up
 * is O(members) in memory and time instead of O(members²) (issue #12).
 */
final class Others extends AbstractList<Long> implements RandomAccess {
    private final long[] members;
    /** The position of the one left out. */
    private final int skipped;

    /** {@code members} is shared, never changed after; {@code skipped} indexes into it. */
    Others(long[] members, int skipped) {
        if (skipped < 0 || skipped >= members.length) {
            throw new IllegalArgumentException("no member at " + skipped);
        }
        this.members = members;
        this.skipped = skipped;
    }

    @Override
    public Long get(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException(index);
        }
        return members[index < skipped ? index : index + 1];
    }

    @Override
    public int size() {
        return members.length - 1;
    }
}
