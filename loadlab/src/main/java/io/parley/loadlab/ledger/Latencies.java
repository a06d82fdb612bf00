package io.parley.loadlab.ledger;

import java.util.Arrays;

/** A growable, thread-safe list of latencies in milliseconds and its percentiles. */
public final class Latencies {
    private long[] values = new long[1024];
    private int size;

    public synchronized void add(long millis) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = Math.max(0, millis);
    }

    public synchronized int count() {
        return size;
    }

    /** The percentiles of everything added so far. */
    public synchronized Percentiles percentiles() {
        return Percentiles.of(Arrays.copyOf(values, size));
    }
}
