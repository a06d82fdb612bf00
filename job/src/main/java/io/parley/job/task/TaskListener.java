package io.parley.job.task;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.parley.contracts.proto.Envelope;
import io.parley.contracts.proto.Task;
import io.parley.job.cache.CacheEvictor;
import io.parley.platform.kafka.ConsumerStatus;
import io.parley.platform.kafka.EnvelopeConsumer;
import io.parley.platform.kafka.KafkaSettings;
import io.parley.platform.kafka.TopicProvisioner;
import jakarta.annotation.PreDestroy;
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
final class TaskListener implements ApplicationEventListener<ServerStartupEvent>, ConsumerStatus {
    private static final Logger LOG = LoggerFactory.getLogger(TaskListener.class);

    private final CacheEvictor evictor;
    private final KafkaSettings kafka;
    private final TopicProvisioner topics;
    private final TaskSettings settings;
    private final Clock clock;
    private volatile EnvelopeConsumer consumer;

    TaskListener(CacheEvictor evictor, KafkaSettings kafka, TopicProvisioner topics,
                 TaskSettings settings, Clock clock) {
        this.evictor = evictor;
        this.kafka = kafka;
        this.topics = topics;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        topics.ensure(kafka.taskTopic());
        consumer = new EnvelopeConsumer(kafka, kafka.group("job"), List.of(kafka.taskTopic()),
                (key, envelope) -> run(envelope)).start();
    }

    @Override
    public String consumerName() {
        return "tasks";
    }

    @Override
    public boolean isConsuming() {
        EnvelopeConsumer c = consumer;
        return c != null && c.isRunning();
    }

    void run(Envelope envelope) throws InterruptedException {
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

    @PreDestroy
    void stop() {
        EnvelopeConsumer c = consumer;
        if (c != null) {
            c.close();
        }
    }
}
