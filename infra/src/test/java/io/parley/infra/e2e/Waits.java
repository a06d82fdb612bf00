package io.parley.infra.e2e;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** Bounded waits the e2e tests share: a thread that does not end fails the test, never hangs it. */
final class Waits {
    static final Duration THREAD_END = Duration.ofSeconds(60);

    private Waits() {
    }

    /** Waits up to {@link #THREAD_END} for {@code thread} to end; fails when it has not. */
    static void join(Thread thread) throws InterruptedException {
        thread.join(THREAD_END.toMillis());
        if (thread.isAlive()) {
            thread.interrupt();
        }
        assertFalse(thread.isAlive(), thread.getName() + " did not end within " + THREAD_END);
    }
}
