package io.parley.gateway.ws;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The sends waiting for logic's answer, each with a deadline. The answer ({@code ack} or
 * {@code error}) settles it; a deadline that passes first runs the send's timeout action, so a
 * client never waits in silence while logic is down. A late answer is still written: the
 * client's retry with the same {@code clientMsgId} is deduplicated by logic.
 */
@Singleton
final class AckDeadlines {
    private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private final ScheduledThreadPoolExecutor timer;
    private final AckSettings settings;

    AckDeadlines(AckSettings settings) {
        this.settings = settings;
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "ack-deadlines");
            t.setDaemon(true);
            return t;
        });
        this.timer.setRemoveOnCancelPolicy(true);
    }

    /** Starts the clock on one send; {@code onTimeout} runs unless it is settled in time. */
    void expect(String connectionId, String clientMsgId, Runnable onTimeout) {
        String key = key(connectionId, clientMsgId);
        ScheduledFuture<?> deadline = timer.schedule(() -> {
            if (pending.remove(key) != null) {
                onTimeout.run();
            }
        }, settings.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
        ScheduledFuture<?> previous = pending.put(key, deadline);
        if (previous != null) {
            previous.cancel(false);
        }
    }

    /** The send got its answer (or was refused at the edge): no timeout for it. */
    void settle(String connectionId, String clientMsgId) {
        ScheduledFuture<?> deadline = pending.remove(key(connectionId, clientMsgId));
        if (deadline != null) {
            deadline.cancel(false);
        }
    }

    int size() {
        return pending.size();
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    private static String key(String connectionId, String clientMsgId) {
        return connectionId + '\u0000' + clientMsgId;
    }
}
