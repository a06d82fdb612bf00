package io.parley.logic.cache;

import io.parley.contracts.proto.CacheEviction;
import io.parley.contracts.proto.Envelope;
import io.parley.contracts.proto.Task;
import io.parley.platform.kafka.EnvelopeProducer;
import io.parley.platform.kafka.KafkaSettings;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The second delete of cache-aside: after a writer committed and deleted its keys, a reader that
 * loaded the old row just before the commit may still put it back. A task on the task topic makes
 * the job service ({@code cache/CacheEvictor}) delete the keys again once
 * {@code im.logic.cache.second-delete-delay} has passed, after such a reader has finished.
 * Best effort: a lost task leaves the stale value only until its TTL ends, so the writer is not
 * failed or held up for it.
 */
@Singleton
public final class DelayedEviction {
    private static final Logger LOG = LoggerFactory.getLogger(DelayedEviction.class);

    private final EnvelopeProducer producer;
    private final KafkaSettings kafka;
    private final CacheSettings settings;
    private final Clock clock;

    DelayedEviction(EnvelopeProducer producer, KafkaSettings kafka, CacheSettings settings,
                    Clock clock) {
        this.producer = producer;
        this.kafka = kafka;
        this.settings = settings;
        this.clock = clock;
    }

    /** Completes when Kafka holds the task (or failed to take it; that is logged). */
    public CompletableFuture<Void> schedule(List<String> keys) {
        long now = clock.millis();
        Envelope task = Envelope.newBuilder()
                .setEnvelopeId(UUID.randomUUID().toString())
                .setCreatedAtMs(now)
                .setTask(Task.newBuilder()
                        .setExecuteAtMs(now + settings.secondDeleteDelay().toMillis())
                        .setCacheEviction(CacheEviction.newBuilder().addAllKeys(keys)))
                .build();
        return producer.send(kafka.taskTopic(), keys.get(0), task).handle((ok, error) -> {
            if (error != null) {
                LOG.warn("second delete of {} not scheduled: {}", keys, error.toString());
            }
            return null;
        });
    }
}
