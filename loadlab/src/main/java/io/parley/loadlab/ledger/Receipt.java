package io.parley.loadlab.ledger;

/** What one recipient saw of one message: live pushes, confirmation, catch-up. Guarded by itself. */
final class Receipt {
    long firstLiveAtMs = -1;
    long lastLiveAtMs = -1;
    long confirmedAtMs = -1;
    int liveArrivals;
    int duplicates;
    boolean caughtUp;

    /** A consistent copy, for reading after the run. */
    synchronized Receipt snapshot() {
        Receipt c = new Receipt();
        c.firstLiveAtMs = firstLiveAtMs;
        c.lastLiveAtMs = lastLiveAtMs;
        c.confirmedAtMs = confirmedAtMs;
        c.liveArrivals = liveArrivals;
        c.duplicates = duplicates;
        c.caughtUp = caughtUp;
        return c;
    }

    boolean delivered() {
        return liveArrivals > 0 || caughtUp;
    }
}
