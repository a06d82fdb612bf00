package io.parley.job.task;

import io.parley.contracts.proto.Envelope;
import io.parley.contracts.proto.Task;
import io.parley.job.cache.CacheEvictor;
import io.parley.platform.kafka.EnvelopeListener;
import io.parley.platform.kafka.DeadLetters;
import io.parley.platform.kafka.KafkaSettings;
import io.parley.platform.kafka.TopicProvisioner;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;

/**
 * Consumes {@code <ns>.tasks} in the group {@code <ns>.job} and runs each task when it is due.
 * Tasks of a partition run in order; a task not yet due is waited for (delays are short: the
 * delayed cache delete waits about a second). A failed task is retried by the consumer.
 */
@Singleton
final class TaskListener extends EnvelopeListener {
    private static final Logger LOG = LoggerFactory.getLogger(TaskListener.class);

    private final CacheEvictor evictor;
    private final TaskSettings settings;
    private final Clock clock;

    TaskListener(CacheEvictor evictor, KafkaSettings kafka, TopicProvisioner topics, DeadLetters deadLetters,
                 TaskSettings settings, Clock clock) {
        super(kafka, topics, deadLetters, "job");
        this.evictor = evictor;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    protected List<String> topics(KafkaSettings kafka) {
        return List.of(kafka.taskTopic());
    }

    /** Runs the task when it is due. */
    @Override
    public void handle(String key, Envelope envelope) throws InterruptedException {
        if (!envelope.hasTask()) {
            LOG.warn("ignoring task record {} without a task", envelope.getEnvelopeId());
            return;
        }
        Task task = envelope.getTask();
        long wait = Math.min(task.getExecuteAtMs() - clock.millis(),
                settings.maxDelay().toMillis());
        if (wait > 0) {
            Thread.sleep(wait);
        }
        switch (task.getKindCase()) {
            case CACHE_EVICTION -> evictor.evict(task.getCacheEviction().getKeysList());
            default -> LOG.warn("ignoring task {} of unknown kind", envelope.getEnvelopeId());
        }
    }
}
