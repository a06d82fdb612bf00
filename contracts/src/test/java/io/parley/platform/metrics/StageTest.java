package io.parley.platform.metrics;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StageTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void bridge() {
        Metrics.addRegistry(registry);
    }

    @AfterEach
    void unbridge() {
        Metrics.removeRegistry(registry);
    }

    @Test
    void recordsTheTimeFromTheStartInstantAndSkipsAnUnknownOne() {
        Stage stage = Stage.of("test.hop");
        stage.sinceMs(1_000, 1_025);
        stage.sinceMs(0, 5_000);
        stage.sinceMs(2_000, 1_990); // a start after now (clock step): counted as 0

        Timer timer = registry.get("parley.stage").tag("stage", "test.hop").timer();
        assertEquals(2, timer.count());
        assertEquals(25.0, timer.totalTime(TimeUnit.MILLISECONDS));
        assertEquals(25.0, timer.max(TimeUnit.MILLISECONDS));
    }

    @Test
    void refusesANameThatIsNotLowerCaseWordsAndDots() {
        assertThrows(IllegalArgumentException.class, () -> Stage.of("Logic Started"));
        assertThrows(IllegalArgumentException.class, () -> Stage.of(""));
    }
}
