package io.parley.job.task;

import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.contracts.proto.CacheEviction;
import io.parley.contracts.proto.Envelope;
import io.parley.contracts.proto.Task;
import io.parley.platform.kafka.EnvelopeProducer;
import io.parley.platform.kafka.KafkaSettings;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A delayed cache delete published to the real Kafka task topic runs when due, not before. */
@MicronautTest
class CacheEvictionIT {
    @Inject
    EnvelopeProducer producer;
    @Inject
    KafkaSettings kafka;
    @Inject
    StatefulRedisConnection<String, String> redis;

    @Test
    void deletesTheKeysOnceTheTaskIsDue() throws Exception {
        String key = "test:cache:" + UUID.randomUUID();
        redis.sync().set(key, "stale");
        long due = System.currentTimeMillis() + 1500;
        producer.send(kafka.taskTopic(), key, Envelope.newBuilder()
                .setEnvelopeId(UUID.randomUUID().toString())
                .setTask(Task.newBuilder().setExecuteAtMs(due)
                        .setCacheEviction(CacheEviction.newBuilder().addKeys(key)))
                .build()).get(30, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(30)).until(() -> redis.sync().exists(key) == 0
                || System.currentTimeMillis() >= due);
        if (System.currentTimeMillis() < due - 100) {
            throw new AssertionError("deleted before it was due");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> redis.sync().exists(key) == 0);
        assertEquals(0L, redis.sync().exists(key));
    }
}
