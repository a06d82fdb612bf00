package io.parley.platform.discovery;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The cost of sending the next call to one instance: its peak-EWMA latency times the calls it
 * has in flight plus one (Finagle's and Linkerd's "peak EWMA"). A latency above the average
 * replaces it at once (peaks count fully); lower ones pull it down with weight decaying over
 * {@code tau}. The average also decays toward zero while nothing is measured, so an instance that
 * was slow is probed again after a while instead of being shunned for ever.
 */
final class PeakEwma {
    /** Cost of an instance that has calls in flight but no measurement yet: treat it as slow. */
    private static final double UNMEASURED_PENALTY_NANOS = 1e9;

    private final double tauNanos;
    private final LongSupplier clock;
    private final AtomicInteger pending = new AtomicInteger();
    private double ewmaNanos;
    private long stampNanos;

    PeakEwma(long tauNanos, LongSupplier nanoClock) {
        this.tauNanos = tauNanos;
        this.clock = nanoClock;
        this.stampNanos = nanoClock.getAsLong();
    }

    /** Marks a call started; returns its start time for {@link #finish}. */
    long start() {
        pending.incrementAndGet();
        return clock.getAsLong();
    }

    /** Records a finished call that {@link #start} began at {@code startNanos}. */
    synchronized void finish(long startNanos) {
        pending.decrementAndGet();
        long now = clock.getAsLong();
        observe(Math.max(0, now - startNanos), now);
    }

    synchronized double cost() {
        long now = clock.getAsLong();
        observe(0, now);
        int inFlight = pending.get();
        if (ewmaNanos == 0 && inFlight > 0) {
            return UNMEASURED_PENALTY_NANOS + inFlight;
        }
        return ewmaNanos * (inFlight + 1);
    }

    int pending() {
        return pending.get();
    }

    private void observe(double rttNanos, long now) {
        long elapsed = Math.max(0, now - stampNanos);
        stampNanos = now;
        if (rttNanos > ewmaNanos) {
            ewmaNanos = rttNanos;
        } else {
            double w = Math.exp(-elapsed / tauNanos);
            ewmaNanos = ewmaNanos * w + rttNanos * (1 - w);
        }
    }
}
