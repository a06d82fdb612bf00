package io.parley.platform.metrics;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One hop of the message path, timed from a wall-clock instant the message carries (the gateway's
 * ingress, a Kafka record's create time) to now: {@code parley_stage_seconds{stage}} at
 * {@code /prometheus}, a histogram, so a stage's percentiles over a run follow from two scrapes.
 * Every service runs on one clock here (the load lab is one machine), so the stages of one path
 * subtract. Hold the stage in a field; recording allocates nothing. Bound to Micrometer's global
 * registry, which {@link GlobalRegistryBridge} feeds into the service's own, so beans and the
 * Kafka poll loop (made outside the bean context) time stages one way.
 */
public final class Stage {
    private final Timer timer;

    private Stage(Timer timer) {
        this.timer = timer;
    }

    /** The stage named {@code name} (lower-case words and dots, e.g. {@code logic.persisted}). */
    public static Stage of(String name) {
        if (!name.matches("[a-z0-9.-]{1,60}")) {
            throw new IllegalArgumentException("stage name must be lower-case words and dots: "
                    + name);
        }
        return new Stage(Timer.builder("parley.stage")
                .description("wall-clock time from a message's start instant to this hop")
                .tag("stage", name)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(Metrics.globalRegistry));
    }

    /** Records the time from {@code startMs} (epoch milliseconds; 0 or less: unknown, skipped). */
    public void sinceMs(long startMs, long nowMs) {
        if (startMs > 0) {
            timer.record(Math.max(0, nowMs - startMs), TimeUnit.MILLISECONDS);
        }
    }

    /** How many times this stage was recorded (for tests). */
    public long count() {
        return timer.count();
    }
}
