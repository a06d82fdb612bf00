package io.parley.loadlab.client;

import java.util.List;

/**
 * When each user sends, as an open model: a fixed rate per user, in steps (a ladder) or one step,
 * laid out in advance on the wall clock. A late generator sends everything due at once, each send
 * keeping its intended time, so the lateness counts as latency rather than slowing the load.
 *
 * @param startMs   when the first step starts
 * @param stepMs    length of each step
 * @param perUserHz send rate of one user in each step
 */
public record SendSchedule(long startMs, long stepMs, List<Double> perUserHz) {
    public long endMs() {
        return startMs + stepMs * perUserHz.size();
    }

    /** The step a time falls in. */
    public int stepAt(long ms) {
        return (int) Math.max(0, Math.min(perUserHz.size() - 1, (ms - startMs) / stepMs));
    }

    /** The first intended send time of a user, spread over one period by its phase in [0,1). */
    public long first(double phase) {
        return startMs + (long) (phase * periodMs(0));
    }

    /** The intended time of the send after one intended at {@code previousMs}. */
    public long next(long previousMs) {
        return previousMs + periodMs(stepAt(previousMs));
    }

    private long periodMs(int step) {
        double hz = perUserHz.get(step);
        return hz <= 0 ? Long.MAX_VALUE / 4 : Math.max(1, Math.round(1000.0 / hz));
    }
}
