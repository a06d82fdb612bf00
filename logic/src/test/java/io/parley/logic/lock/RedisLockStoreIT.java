package io.parley.logic.lock;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lock's SET NX PX and its compare-and-renew / compare-and-delete scripts on real Redis. */
class RedisLockStoreIT {
    private static RedisClient client;
    private static StatefulRedisConnection<String, String> connection;
    private static RedisLockStore store;

    @BeforeAll
    static void connect() {
        client = RedisClient.create("redis://127.0.0.1:6379");
        connection = client.connect();
        store = new RedisLockStore(connection);
    }

    @AfterAll
    static void disconnect() {
        connection.close();
        client.shutdown();
    }

    @Test
    void onlyTheTokenHolderCanRenewOrDeleteAndNobodyTakesAHeldKey() {
        String key = "test:lock:" + UUID.randomUUID();
        assertTrue(store.setIfAbsent(key, "mine", 10_000));
        assertFalse(store.setIfAbsent(key, "theirs", 10_000), "NX: held keys are not taken");

        assertFalse(store.extendIfHeld(key, "theirs", 60_000));
        assertFalse(store.deleteIfHeld(key, "theirs"));
        assertEquals("mine", connection.sync().get(key), "a foreign token changed nothing");
        assertTrue(connection.sync().pttl(key) <= 10_000);

        assertTrue(store.extendIfHeld(key, "mine", 60_000));
        assertTrue(connection.sync().pttl(key) > 10_000, "renewed");
        assertTrue(store.deleteIfHeld(key, "mine"));
        assertEquals(0L, connection.sync().exists(key));
        assertFalse(store.deleteIfHeld(key, "mine"), "already gone");
    }

    @Test
    void anUnreleasedLockExpiresAndThenCannotBeRenewed() {
        String key = "test:lock:" + UUID.randomUUID();
        assertTrue(store.setIfAbsent(key, "crashed", 150));
        await().atMost(Duration.ofSeconds(5)).until(() -> connection.sync().exists(key) == 0);
        assertFalse(store.extendIfHeld(key, "crashed", 10_000));
        assertTrue(store.setIfAbsent(key, "next", 10_000));
        assertTrue(store.deleteIfHeld(key, "next"));
    }
}
