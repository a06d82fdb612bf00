package io.parley.logic.friend;

/** A would-be direct message's sender and recipient, the unit of {@link ChatPermission}. */
public record DirectPair(long sender, long recipient) {
}
