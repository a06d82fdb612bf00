package io.parley.loadlab.ledger;

/**
 * The figures of one step of a ladder (or of the whole run, step 0): sends whose intended time fell
 * in it, the delivery latency of those, and their fan-out (intended send to the last live
 * recipient's push; empty for one-recipient messages).
 */
public record StepReport(int step, long sent, long acked, long lost, long unanswered,
                         Percentiles latency, Percentiles fanOut) {
    /** A step passes with nothing lost or unanswered and its p99 under the limit. */
    public boolean passes(long p99LimitMs) {
        return lost == 0 && unanswered == 0 && latency.count() > 0 && latency.p99() < p99LimitMs;
    }
}
