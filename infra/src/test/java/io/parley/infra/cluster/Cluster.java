package io.parley.infra.cluster;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The whole system as real processes: one session, one logic, one job and two gateways, on the
 * real MariaDB, Redis, Kafka and etcd that infra/scripts/test.sh started. Everything it creates is
 * namespaced (etcd prefix, Kafka topics and groups, gateway ids) so it neither sees nor disturbs a
 * system running on the same machine. Uses the {@code parley_test} database (or
 * {@code PARLEY_TEST_DB}).
 */
public final class Cluster implements AutoCloseable {
    /** {@code parley_test}, or the database named by the {@code PARLEY_TEST_DB} environment. */
    public static final String DATABASE_URL = "jdbc:mariadb://127.0.0.1:3306/"
            + System.getenv().getOrDefault("PARLEY_TEST_DB", "parley_test")
            + "?createDatabaseIfNotExist=true";
    /** How long a service may take to get ready ({@code -Dparley.test.ready-seconds}). */
    private static final Duration READY = Duration.ofSeconds(
            Long.getLong("parley.test.ready-seconds", 120));

    private final Path root;
    private final String namespace = "it" + UUID.randomUUID().toString().substring(0, 8);
    private final List<ServiceProcess> processes = new ArrayList<>();
    private final ServiceProcess gateway1;
    private final ServiceProcess gateway2;
    private ServiceProcess logic;

    public Cluster() {
        this.root = Path.of(System.getProperty("parley.root", "..")).toAbsolutePath().normalize();
        ServiceProcess session = start("session", "session", Map.of("im.grpc.port", "0"));
        this.logic = start("logic", "logic", Map.of("im.grpc.port", "0"));
        ServiceProcess job = start("job", "job", Map.of());
        this.gateway1 = start("gateway", "gateway-1", Map.of("im.gateway.id", namespace + "-gw1"));
        this.gateway2 = start("gateway", "gateway-2", Map.of("im.gateway.id", namespace + "-gw2"));
        awaitAll(List.of(session, logic, job, gateway1, gateway2));
    }

    public ServiceProcess gateway1() {
        return gateway1;
    }

    public ServiceProcess gateway2() {
        return gateway2;
    }

    public ServiceProcess logic() {
        return logic;
    }

    /** Prefix of this system's topics, etcd keys and logic's cache keys. */
    public String namespace() {
        return namespace;
    }

    /** Starts one more logic instance and waits until it is ready. */
    public ServiceProcess startLogic(String name) {
        return startLogic(name, Map.of());
    }

    /** Starts one more logic instance with extra properties and waits until it is ready. */
    public ServiceProcess startLogic(String name, Map<String, String> properties) {
        Map<String, String> props = new HashMap<>(properties);
        props.put("im.grpc.port", "0");
        ServiceProcess p = start("logic", name, props);
        p.awaitReady(READY);
        return p;
    }

    /** Starts one more gateway (a fresh gateway id) and waits until it is ready. */
    public ServiceProcess startGateway(String name) {
        return startGateway(name, Map.of());
    }

    /** As {@link #startGateway(String)}, with properties of its own. */
    public ServiceProcess startGateway(String name, Map<String, String> properties) {
        Map<String, String> props = new HashMap<>(properties);
        props.put("im.gateway.id", namespace + "-" + name);
        ServiceProcess p = start("gateway", name, props);
        p.awaitReady(READY);
        return p;
    }

    public static Connection database() throws SQLException {
        return DriverManager.getConnection(DATABASE_URL, "root", "");
    }

    private ServiceProcess start(String module, String name, Map<String, String> extra) {
        Map<String, String> props = new HashMap<>();
        props.put("im.etcd.namespace", "/" + namespace);
        props.put("im.kafka.namespace", namespace);
        props.put("im.instance.id", namespace + "-" + name + "-" + UUID.randomUUID()
                .toString().substring(0, 4));
        props.put("datasources.default.url", DATABASE_URL);
        props.put("im.gateway.rate.sends-per-second", "2000");
        props.put("im.gateway.rate.burst", "2000");
        props.put("im.gateway.http-rate.auth-per-second", "1000");
        props.put("im.gateway.http-rate.auth-burst", "1000");
        props.put("im.gateway.http-rate.api-per-second", "1000");
        props.put("im.gateway.http-rate.api-burst", "1000");
        props.put("im.logic.account.bcrypt-cost", "4");
        // Short presence TTL so that a dead gateway's users go offline within seconds.
        props.put("im.session.presence.ttl", "6s");
        props.put("im.session.presence.sweep-interval", "2s");
        props.put("im.gateway.presence-refresh", "2s");
        props.put("im.logic.cache.namespace", namespace);
        // The chat suites talk between strangers; the friendship rule has its own tests
        // (logic DirectChatPermissionIT; blocks refuse either way: FriendApiIT).
        props.put("im.logic.chat.direct-requires-friendship", "false");
        props.putAll(extra);
        ServiceProcess p = ServiceProcess.start(root, module, name, props);
        synchronized (processes) {
            processes.add(p);
        }
        return p;
    }

    private static void awaitAll(List<ServiceProcess> all) {
        CompletableFuture.allOf(all.stream().map(p -> CompletableFuture.runAsync(
                () -> p.awaitReady(READY))).toArray(CompletableFuture[]::new)).join();
    }

    @Override
    public void close() {
        List<ServiceProcess> all;
        synchronized (processes) {
            all = new ArrayList<>(processes);
        }
        // Gateways first (clients go away), logic last: the reverse of the message path.
        java.util.Collections.reverse(all);
        all.forEach(ServiceProcess::close);
    }
}
