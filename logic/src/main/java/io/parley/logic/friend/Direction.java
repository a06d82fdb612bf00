package io.parley.logic.friend;

/** Which of my pending requests: sent to me, or sent by me. */
public enum Direction {
    INCOMING,
    OUTGOING
}
