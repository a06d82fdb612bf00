package io.parley.logic.message;

import io.parley.contracts.error.ParleyException;

/** What became of one send of a batch: stored (new or earlier), or refused with a reason. */
public record Outcome(Persisted persisted, ParleyException refusal) {
    public Outcome {
        if ((persisted == null) == (refusal == null)) {
            throw new IllegalArgumentException("exactly one of persisted and refusal");
        }
    }

    static Outcome stored(Persisted persisted) {
        return new Outcome(persisted, null);
    }

    static Outcome refused(ParleyException refusal) {
        return new Outcome(null, refusal);
    }

    /** The same outcome, seen as a retry: a stored message becomes a duplicate. */
    Outcome asRetry() {
        return persisted == null ? this : stored(new Persisted(persisted.message(), true,
                persisted.audience()));
    }
}
