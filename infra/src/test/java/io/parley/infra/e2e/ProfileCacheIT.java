package io.parley.infra.e2e;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.parley.infra.client.ApiClient;
import io.parley.infra.cluster.Cluster;
import io.parley.infra.cluster.ClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The race cache-aside's second delete exists for, played out on the real system: a reader loads
 * the old profile row, stalls while an update commits and deletes the cache key, then puts the
 * old value back. The job service's delayed second delete removes it, and the next read loads and
 * caches the new profile.
 */
@ExtendWith(ClusterExtension.class)
class ProfileCacheIT {

    @Test
    void aStaleValuePutBackByASlowReaderIsGoneAfterTheSecondDelete(Cluster cluster) {
        ApiClient api = new ApiClient(cluster.gateway1().http());
        ApiClient.Session ann = Users.signUp(api, "Ann");
        ApiClient.Session ben = Users.signUp(api, "Ben");
        String key = cluster.namespace() + ":user:" + ann.userId() + ":profile";
        RedisClient client = RedisClient.create("redis://127.0.0.1:6379");
        try (StatefulRedisConnection<String, String> redis = client.connect()) {
            // The slow reader's load: the row as it is before the update (read through the cache).
            assertEquals("Ann", api.get("/api/users/" + ann.userId(), ben.token())
                    .text("displayName"));
            String oldRow = redis.sync().get(key);
            assertNotNull(oldRow, "read-through cached the profile");

            ApiClient.Reply updated = api.patch("/api/me", Map.of("displayName", "Anna"),
                    ann.token());
            assertEquals(200, updated.status(), updated::toString);
            assertNull(redis.sync().get(key), "the update deleted the key");

            // The reader wakes up and puts what it loaded back, after the first delete.
            redis.sync().set(key, oldRow);
            assertEquals("Ann", api.get("/api/users/" + ann.userId(), ben.token())
                    .text("displayName"), "the race is real: readers now see the old name");

            await().atMost(Duration.ofSeconds(20)).until(() -> redis.sync().get(key) == null
                    || !redis.sync().get(key).equals(oldRow));
            assertEquals("Anna", api.get("/api/users/" + ann.userId(), ben.token())
                    .text("displayName"));
            assertEquals("Anna", api.get("/api/users/" + ann.userId(), ben.token())
                    .text("displayName"), "and the cache now holds the new profile");
            assertNotNull(redis.sync().get(key));
        } finally {
            client.shutdown();
        }
    }
}
