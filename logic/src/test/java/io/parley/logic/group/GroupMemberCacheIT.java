package io.parley.logic.group;

import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.contracts.proto.Envelope;
import io.parley.platform.kafka.BatchHandler;
import io.parley.platform.kafka.DeadLetters;
import io.parley.platform.kafka.EnvelopeConsumer;
import io.parley.platform.kafka.KafkaSettings;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The member list cache on real Redis and Kafka: read-through on a miss, delete on change plus a
 * delayed second delete through the task topic. Here the test plays the job service's part (wait
 * until due, delete the keys); job's own CacheEvictionIT covers that side.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupMemberCacheIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    GroupMemberCache cache;
    @Inject
    MemberRepository members;
    @Inject
    Membership membership;
    @Inject
    GroupFixtures fx;
    @Inject
    StatefulRedisConnection<String, String> redis;
    @Inject
    KafkaSettings kafka;
    @Inject
    DeadLetters deadLetters;

    private final List<Envelope> tasks = new CopyOnWriteArrayList<>();
    private EnvelopeConsumer job;

    @BeforeAll
    void startJob() {
        job = new EnvelopeConsumer(kafka, kafka.group("test-job-" + UUID.randomUUID()),
                List.of(kafka.taskTopic()), EnvelopeConsumer.StartAt.EARLIEST,
                BatchHandler.each((key, envelope) -> {
                    tasks.add(envelope);
                    long due = envelope.getTask().getExecuteAtMs() - System.currentTimeMillis();
                    if (due > 0) {
                        Thread.sleep(due);
                    }
                    redis.sync().del(envelope.getTask().getCacheEviction().getKeysList()
                            .toArray(String[]::new));
                }), deadLetters).start();
    }

    @AfterAll
    void stopJob() {
        job.close();
    }

    @Test
    void aMissReadsMySqlAndFillsTheKeyWithATtl() {
        long owner = fx.user("Cara");
        long id = fx.group(owner, JoinPolicy.OPEN);
        String key = cache.key(id);
        assertEquals(0L, redis.sync().exists(key));

        assertEquals(Map.of(owner, Role.OWNER), cache.members(id).roles());

        assertEquals(owner + ":owner", redis.sync().get(key));
        long ttl = redis.sync().pttl(key);
        assertTrue(ttl > 0 && ttl <= Duration.ofMinutes(10).toMillis(), "TTL " + ttl);
        assertTrue(key.endsWith(":group:" + id + ":members"), key);
        assertTrue(cache.members(42).isEmpty(), "no group, nothing cached");
        assertEquals(0L, redis.sync().exists(cache.key(42)));
    }

    @Test
    void aChangeDeletesTheKeyAtOnceAndSchedulesASecondDeleteOneSecondLater() {
        long owner = fx.user("Dirk");
        long id = fx.group(owner, JoinPolicy.OPEN);
        String key = cache.key(id);
        cache.members(id);
        long before = System.currentTimeMillis();

        membership.join(fx.user("Dina"), id, null);

        assertEquals(0L, redis.sync().exists(key), "deleted right after the commit");
        Envelope task = await().atMost(WAIT).until(() -> taskFor(key), t -> t != null);
        long delay = task.getTask().getExecuteAtMs() - task.getCreatedAtMs();
        assertEquals(1000, delay, "due one second after it was scheduled");
        assertTrue(task.getCreatedAtMs() >= before);
        assertEquals(List.of(key), task.getTask().getCacheEviction().getKeysList());
    }

    @Test
    void aReaderThatRacesAChangeLeavesNoStaleListBehind() {
        long owner = fx.user("Rita");
        long id = fx.group(owner, JoinPolicy.OPEN);
        String key = cache.key(id);
        // A reader misses the cache and reads MySQL just before the change commits ...
        MemberList read = MemberList.of(id, members.all(id));
        long joiner = fx.user("Rudi");
        membership.join(joiner, id, null);
        // ... and writes what it read after the change's first delete: a stale entry.
        cache.fill(key, read);
        assertEquals(Set.of(owner), cache.members(id).roles().keySet(), "stale for now");

        // The delayed second delete removes it; the next read is fresh.
        await().atMost(WAIT).until(() -> redis.sync().exists(key) == 0
                || cache.members(id).contains(joiner));
        assertEquals(Set.of(owner, joiner), cache.members(id).roles().keySet());
    }

    @Test
    void anUnreadableEntryIsReplacedFromMySql() {
        long owner = fx.user("Uma");
        long id = fx.group(owner, JoinPolicy.OPEN);
        redis.sync().set(cache.key(id), "garbage");

        assertEquals(Map.of(owner, Role.OWNER), cache.members(id).roles());
        assertEquals(owner + ":owner", redis.sync().get(cache.key(id)));
    }

    private Envelope taskFor(String key) {
        return tasks.stream().filter(t -> t.getTask().getCacheEviction().getKeysList()
                .contains(key)).findFirst().orElse(null);
    }
}
