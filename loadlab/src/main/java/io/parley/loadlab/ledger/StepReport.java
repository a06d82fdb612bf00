package io.parley.loadlab.ledger;

/**
 * The figures of one step of a ladder (or of the whole run, step 0): sends whose intended time fell
 * in it, and the delivery latency of those.
 */
public record StepReport(int step, long sent, long acked, long lost, long unanswered,
                         Percentiles latency) {
    /** A step passes with nothing lost or unanswered and its p99 under the limit. */
    public boolean passes(long p99LimitMs) {
        return lost == 0 && unanswered == 0 && latency.count() > 0 && latency.p99() < p99LimitMs;
    }
}
