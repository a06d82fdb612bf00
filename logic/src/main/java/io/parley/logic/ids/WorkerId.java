package io.parley.logic.ids;

/** The Snowflake worker id this process may use right now. */
@FunctionalInterface
public interface WorkerId {
    /** The id, 0..1023; throws when this process holds none (its lease was lost). */
    int current();
}
