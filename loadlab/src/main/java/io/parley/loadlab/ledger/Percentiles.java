package io.parley.loadlab.ledger;

import java.util.Arrays;

/**
 * Latency percentiles in milliseconds (nearest rank); all -1 when nothing was measured.
 */
public record Percentiles(long count, long p50, long p95, long p99, long p999, long max) {
    public static final Percentiles NONE = new Percentiles(0, -1, -1, -1, -1, -1);

    public static Percentiles of(long[] millis) {
        if (millis.length == 0) {
            return NONE;
        }
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        return new Percentiles(sorted.length, rank(sorted, 0.50), rank(sorted, 0.95),
                rank(sorted, 0.99), rank(sorted, 0.999), sorted[sorted.length - 1]);
    }

    private static long rank(long[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
