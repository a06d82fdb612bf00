package io.parley.infra.cluster;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What test clusters leave on the shared Kafka and Redis: topics, consumer groups and keys named
 * by their namespace ({@code it<epoch seconds>x<4 hex>}, see {@link #fresh()}). A cluster deletes
 * its own when it stops ({@link #delete(String)}); one killed before that leaves them behind, and
 * the next cluster to start deletes every namespace older than {@link #STALE} ({@link #reap()}).
 * No test run lives that long (the test JVM is killed after 20 minutes), so a namespace of a run
 * still going is never touched.
 */
final class StaleNamespaces {
    static final Duration STALE = Duration.ofHours(1);
    private static final Pattern NAMESPACE = Pattern.compile("^(it(\\d{10})x[0-9a-f]{4})[.:-]");
    private static final String KAFKA = "127.0.0.1:9092";
    private static final String REDIS = "redis://127.0.0.1:6379";
    private static final long TIMEOUT_S = 30;

    private StaleNamespaces() {
    }

    /** A new namespace, stamped with the time it was made. */
    static String fresh(String random4Hex) {
        return "it" + Instant.now().getEpochSecond() + "x" + random4Hex;
    }

    /** Deletes everything of one namespace (a cluster that stops). */
    static void delete(String namespace) {
        remove(name -> name.startsWith(namespace + ".") || name.startsWith(namespace + ":")
                || name.startsWith(namespace + "-"));
    }

    /** Deletes every namespace older than {@link #STALE}. */
    static void reap() {
        long cutoff = Instant.now().minus(STALE).getEpochSecond();
        remove(name -> {
            Matcher m = NAMESPACE.matcher(name);
            return m.find() && Long.parseLong(m.group(2)) < cutoff;
        });
    }

    private static void remove(Predicate<String> doomed) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "20000",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000"))) {
            Set<String> topics = admin.listTopics().names().get(TIMEOUT_S, TimeUnit.SECONDS);
            List<String> doomedTopics = topics.stream().filter(doomed).toList();
            if (!doomedTopics.isEmpty()) {
                admin.deleteTopics(doomedTopics).all().get(TIMEOUT_S, TimeUnit.SECONDS);
            }
            List<String> groups = admin.listConsumerGroups().all().get(TIMEOUT_S, TimeUnit.SECONDS)
                    .stream().map(ConsumerGroupListing::groupId).filter(doomed).toList();
            if (!groups.isEmpty()) {
                admin.deleteConsumerGroups(groups).all().get(TIMEOUT_S, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            // Best effort: a group still closing, a broker slow to answer; the next run retries.
            System.err.println("test namespaces: Kafka clean-up incomplete: " + e);
        }
        RedisClient redis = RedisClient.create(REDIS);
        redis.setDefaultTimeout(Duration.ofSeconds(10));
        try (StatefulRedisConnection<String, String> c = redis.connect()) {
            ScanCursor cursor = ScanCursor.INITIAL;
            for (int rounds = 0; !cursor.isFinished() && rounds < 100_000; rounds++) {
                KeyScanCursor<String> page = c.sync().scan(cursor,
                        ScanArgs.Builder.matches("it*").limit(1000));
                List<String> keys = new ArrayList<>(page.getKeys().stream().filter(doomed)
                        .toList());
                if (!keys.isEmpty()) {
                    c.sync().del(keys.toArray(String[]::new));
                }
                cursor = page;
            }
        } catch (RuntimeException e) {
            System.err.println("test namespaces: Redis clean-up incomplete: " + e);
        } finally {
            redis.shutdown();
        }
    }
}
