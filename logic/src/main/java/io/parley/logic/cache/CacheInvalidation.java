package io.parley.logic.cache;

import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
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
 * The write side of cache-aside, called after the change is committed to MySQL: deletes the keys
 * at once, then produces a task for the job service to delete them again
 * {@code im.logic.cache.second-delete-delay} later. A reader that missed the cache and read MySQL
 * before the commit may write the old value back after the first delete; the second delete removes
 * it. Neither failure fails the change (MySQL has it): the cached value's TTL is the backstop.
 */
@Singleton
public final class CacheInvalidation {
    private static final Logger LOG = LoggerFactory.getLogger(CacheInvalidation.class);

    private final StatefulRedisConnection<String, String> redis;
    private final EnvelopeProducer producer;
    private final KafkaSettings kafka;
    private final CacheSettings settings;
    private final Clock clock;

    CacheInvalidation(StatefulRedisConnection<String, String> redis, EnvelopeProducer producer,
                      KafkaSettings kafka, CacheSettings settings, Clock clock) {
        this.redis = redis;
        this.producer = producer;
        this.kafka = kafka;
        this.settings = settings;
        this.clock = clock;
    }

    /** Completes when the delayed delete is scheduled (Kafka has the task). */
    public CompletableFuture<?> invalidate(List<String> keys) {
        try {
            redis.sync().del(keys.toArray(String[]::new));
        } catch (RedisException e) {
            LOG.warn("first delete of {} failed; the delayed one follows: {}", keys,
                    e.getMessage());
        }
        long now = clock.millis();
        Envelope task = Envelope.newBuilder()
                .setEnvelopeId(UUID.randomUUID().toString())
                .setCreatedAtMs(now)
                .setTask(Task.newBuilder()
                        .setExecuteAtMs(now + settings.secondDeleteDelay().toMillis())
                        .setCacheEviction(CacheEviction.newBuilder().addAllKeys(keys)))
                .build();
        return producer.send(kafka.taskTopic(), keys.get(0), task).whenComplete((ok, error) -> {
            if (error != null) {
                LOG.warn("delayed delete of {} not scheduled: {}", keys, error.getMessage());
            }
        });
    }
}
