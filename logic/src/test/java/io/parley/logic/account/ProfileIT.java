package io.parley.logic.account;

import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.contracts.error.ErrorCode;
import io.parley.contracts.error.ParleyException;
import io.parley.contracts.proto.Task;
import io.parley.logic.cache.CacheSettings;
import io.parley.logic.delivery.TopicProbe;
import io.parley.platform.kafka.KafkaSettings;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Profiles cache-aside on the real MariaDB, Redis and Kafka: read-through, delete on update,
 * the delayed second delete handed to the job service, and refused edits that change nothing.
 * The job service running that task is end-to-end tested in infra ({@code ProfileCacheIT}).
 */
@MicronautTest(transactional = false)
class ProfileIT {
    @Inject
    ProfileService profiles;
    @Inject
    ProfileCache cache;
    @Inject
    TestUsers users;
    @Inject
    UserRepository repository;
    @Inject
    StatefulRedisConnection<String, String> redis;
    @Inject
    JsonMapper json;
    @Inject
    CacheSettings settings;
    @Inject
    KafkaSettings kafka;
    @Inject
    TopicProbe probe;

    @Test
    void aReadLoadsTheRowOnceAndServesLaterReadsFromRedis() throws Exception {
        User user = users.create("Ann");
        String key = cache.key(user.id());
        assertNull(redis.sync().get(key));

        Profile first = profiles.get(user.id());
        assertEquals("Ann", first.displayName());
        Profile cached = json.readValue(redis.sync().get(key), Profile.class);
        assertEquals(first, cached);
        assertTrue(redis.sync().pttl(key) > 0, "cached with a TTL");
        assertTrue(!redis.sync().get(key).contains(user.passwordHash()), "no hash in Redis");

        // Served from Redis: a value only Redis has comes back.
        redis.sync().set(key, json.writeValueAsString(new Profile(user.id(), user.phone(),
                "From cache", null, null, first.createdAtMs())));
        assertEquals("From cache", profiles.get(user.id()).displayName());
    }

    @Test
    void anUpdateWritesTheRowDeletesTheKeyAndSchedulesASecondDeleteOfIt() throws Exception {
        User user = users.create("Ann");
        profiles.get(user.id());
        String key = cache.key(user.id());
        long before = System.currentTimeMillis();

        Profile updated = profiles.update(user.id(), new ProfileChange(" Anna ",
                "https://cdn.example/anna.png", "Hello there"));

        assertEquals(new Profile(user.id(), user.phone(), "Anna", "https://cdn.example/anna.png",
                "Hello there", user.createdAt().toEpochMilli()), updated);
        assertEquals("Anna", repository.findById(user.id()).orElseThrow().displayName());
        assertNull(redis.sync().get(key), "first delete");
        Task task = awaitEvictionTask(key);
        assertEquals(List.of(key), task.getCacheEviction().getKeysList());
        long delay = settings.secondDeleteDelay().toMillis();
        assertTrue(task.getExecuteAtMs() >= before + delay, "due after the delay");
        assertTrue(task.getExecuteAtMs() <= System.currentTimeMillis() + delay);
        assertEquals(updated, profiles.get(user.id()));
    }

    @Test
    void changesOnlyTheFieldsGivenAndClearsWithAnEmptyValue() {
        User user = users.create("Ann");
        profiles.update(user.id(), new ProfileChange(null, "https://x.example/a.png", "bio"));
        Profile renamed = profiles.update(user.id(), new ProfileChange("Annie", null, null));
        assertEquals("https://x.example/a.png", renamed.avatarUrl());
        assertEquals("bio", renamed.bio());
        Profile cleared = profiles.update(user.id(), new ProfileChange(null, "", ""));
        assertEquals("Annie", cleared.displayName());
        assertNull(cleared.avatarUrl());
        assertNull(cleared.bio());
        assertNull(repository.findById(user.id()).orElseThrow().bio());
    }

    @Test
    void refusesABadEditWith1001AndChangesNothing() {
        User user = users.create("Ann");
        User before = repository.findById(user.id()).orElseThrow();
        for (var edit : List.<Runnable>of(
                () -> profiles.update(user.id(), new ProfileChange("  ", null, null)),
                () -> profiles.update(user.id(), new ProfileChange("x".repeat(65), null, null)),
                () -> profiles.update(user.id(), new ProfileChange(null, "ftp://a/b", null)),
                () -> profiles.update(user.id(), new ProfileChange(null, null,
                        "b".repeat(281))))) {
            ParleyException e = assertThrows(ParleyException.class, edit::run);
            assertEquals(ErrorCode.VALIDATION_FAILED, e.error());
        }
        assertEquals(before, repository.findById(user.id()).orElseThrow());
        assertEquals(ErrorCode.USER_NOT_FOUND, assertThrows(ParleyException.class,
                () -> profiles.update(987_654_321L, new ProfileChange("X", null, null))).error());
        assertEquals(ErrorCode.USER_NOT_FOUND, assertThrows(ParleyException.class,
                () -> profiles.get(987_654_321L)).error());
    }

    private Task awaitEvictionTask(String key) {
        return probe.first(kafka.taskTopic(), (k, envelope) -> key.equals(k)).getTask();
    }
}
