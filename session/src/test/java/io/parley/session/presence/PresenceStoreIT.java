package io.parley.session.presence;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.parley.contracts.proto.Connection;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Presence on the real Redis, with a 2 s TTL. */
@MicronautTest
class PresenceStoreIT {
    @Inject
    PresenceStore store;
    @Inject
    StatefulRedisConnection<String, String> redis;
    @Inject
    PresenceSettings settings;
    @Inject
    PresenceKeys keys;

    @Test
    void findsEveryConnectionOfAUserAcrossGatewaysAndForgetsClosedOnes() {
        long user = randomUser();
        store.upsert(List.of(conn(user, "gw-a", "c1", "tab1"), conn(user, "gw-b", "c2", "tab2")),
                1_000);
        assertEquals(Set.of("gw-a/c1", "gw-b/c2"), refs(store.locate(List.of(user))));

        assertEquals(1, store.remove(user, "gw-a", "c1", 1_000));
        assertEquals(Set.of("gw-b/c2"), refs(store.locate(List.of(user))));
        assertEquals("tab2", store.locate(List.of(user)).get(0).getDeviceId());
    }

    @Test
    void connectionsOfADeadGatewayExpireWithinTheTtlWhileHeartbeatsKeepOthersAlive() {
        long user = randomUser();
        Connection alive = conn(user, "gw-alive", "c1", "d");
        store.upsert(List.of(alive, conn(user, "gw-dead", "c2", "d")), 1_000);
        await().atMost(Duration.ofSeconds(6)).until(() -> {
            store.upsert(List.of(alive), 1_000); // only the live gateway keeps beating
            return refs(store.locate(List.of(user))).equals(Set.of("gw-alive/c1"));
        });
    }

    @Test
    void reportsOnlineWhileAnyConnectionLivesAndLastSeenAfterTheLastCloses() {
        long user = randomUser();
        long never = randomUser();
        store.upsert(List.of(conn(user, "gw", "c1", "tab1"), conn(user, "gw", "c2", "tab2")),
                1_000);
        store.remove(user, "gw", "c1", 5_000);
        var statuses = store.statuses(List.of(user, never));
        assertEquals(true, statuses.get(0).getOnline());
        assertEquals(0, statuses.get(0).getLastSeenMs());
        assertEquals(false, statuses.get(1).getOnline());
        assertEquals(0, statuses.get(1).getLastSeenMs());

        store.remove(user, "gw", "c2", 7_000);
        var after = store.statuses(List.of(user)).get(0);
        assertEquals(false, after.getOnline());
        assertEquals(7_000, after.getLastSeenMs());
    }

    @Test
    void locatesManyUsersAtOnceAndIgnoresUnknownOnes() {
        long a = randomUser();
        long b = randomUser();
        store.upsert(List.of(conn(a, "gw", "ca", "d"), conn(b, "gw", "cb", "d")), 1_000);
        assertEquals(Set.of("gw/ca", "gw/cb"), refs(store.locate(List.of(a, b, randomUser()))));
    }

    @Test
    void aLookupRemovesTheRefOfAConnectionWhoseKeyIsGone() {
        long user = randomUser();
        String id = "c" + user;
        store.upsert(List.of(conn(user, "gw-stale", id, "d")), 1_000);
        redis.sync().del(keys.conn("gw-stale/" + id)); // its connection key expired
        assertEquals(Set.of(), refs(store.locate(List.of(user))));
        assertEquals(Set.of(), redis.sync().smembers(keys.userConns(user)),
                "the lookup removed the ref whose connection is gone");
    }

    @Test
    void aLookupRedisCannotAnswerFailsUnavailableNotWithAHang() {
        long user = randomUser();
        RedisClient client = RedisClient.create("redis://127.0.0.1:6379");
        StatefulRedisConnection<String, String> closed = client.connect();
        closed.close();
        try {
            PresenceStore unreachable = new PresenceStore(closed, settings, keys);
            assertThrows(PresenceUnavailableException.class,
                    () -> unreachable.locate(List.of(user)));
        } finally {
            client.shutdown();
        }
    }

    @Test
    void twoNamespacesOnOneRedisDoNotSeeEachOthersConnections() {
        String a = "nsa" + Long.toHexString(randomUser());
        String b = "nsb" + Long.toHexString(randomUser());
        PresenceStore first = new PresenceStore(redis, settings, new PresenceKeys(a));
        PresenceStore second = new PresenceStore(redis, settings, new PresenceKeys(b));
        long user = randomUser();
        first.upsert(List.of(conn(user, "gw", "c1", "d")), 1_000);
        try {
            assertEquals(Set.of("gw/c1"), refs(first.locate(List.of(user))));
            assertEquals(Set.of(), refs(second.locate(List.of(user))), "b sees none of a's");
            assertEquals(false, second.statuses(List.of(user)).get(0).getOnline());
            assertEquals(List.of(), second.silentGateways(), "a's gateway is not b's");
            List<String> written = redis.sync().keys(a + ":*");
            assertTrue(written.contains(a + ":conn:gw/c1"), "namespaced keys: " + written);
            assertEquals(List.of(), redis.sync().keys(b + ":*"));
        } finally {
            List<String> written = redis.sync().keys(a + ":*");
            if (!written.isEmpty()) {
                redis.sync().del(written.toArray(String[]::new));
            }
        }
    }

    private static Set<String> refs(List<Connection> connections) {
        return connections.stream().map(c -> c.getGatewayId() + "/" + c.getConnectionId())
                .collect(Collectors.toSet());
    }

    private static Connection conn(long user, String gw, String id, String device) {
        return Connection.newBuilder().setUserId(user).setGatewayId(gw).setConnectionId(id)
                .setDeviceId(device).setConnectedAtMs(1).build();
    }

    private static long randomUser() {
        return ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
    }
}
