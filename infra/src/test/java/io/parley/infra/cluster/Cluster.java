package io.parley.infra.cluster;

import javax.net.ssl.SSLContext;
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
import java.util.concurrent.TimeUnit;

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
    /** 240 s (five JVMs starting at once on a loaded machine take minutes), or PARLEY_CLUSTER_READY_SECONDS. */
    private static final Duration READY = Duration.ofSeconds(Long.parseLong(
            System.getenv().getOrDefault("PARLEY_CLUSTER_READY_SECONDS", "240")));

    private final Path root;
    /** Partitions of the topics a test cluster creates: few, the broker is shared. */
    static final int TOPIC_PARTITIONS = 2;
    private static final Object REAPED = new Object();
    private static boolean reaped;

    private final String namespace = StaleNamespaces.fresh(UUID.randomUUID().toString()
            .substring(0, 4));
    /** The gateways refuse the published development secret: each cluster signs with its own. */
    private static final String JWT_SECRET_PROPERTY =
            "micronaut.security.token.jwt.signatures.secret.generator.secret";
    private final String jwtSecret = UUID.randomUUID() + "-" + UUID.randomUUID();
    private final List<ServiceProcess> processes = new ArrayList<>();
    private final ServiceProcess gateway1;
    private final ServiceProcess gateway2;
    private ServiceProcess logic;
    /** Every logic instance started, the first one included, in start order. */
    private final List<ServiceProcess> logics = new ArrayList<>();

    public Cluster() {
        reapLeftoversOnce();
        this.root = Path.of(System.getProperty("parley.root", "..")).toAbsolutePath().normalize();
        ServiceProcess session = start("session", "session", Map.of("im.grpc.port", "0"));
        this.logic = start("logic", "logic", Map.of("im.grpc.port", "0"));
        logics.add(logic);
        ServiceProcess job = start("job", "job", Map.of());
        // permessage-deflate is off by default; gateway 1 offers it, so both paths are exercised
        this.gateway1 = start("gateway", "gateway-1", Map.of("im.gateway.id", namespace + "-gw1",
                JWT_SECRET_PROPERTY, jwtSecret, "im.gateway.ws.compression.enabled", "true"));
        this.gateway2 = start("gateway", "gateway-2", Map.of("im.gateway.id", namespace + "-gw2",
                JWT_SECRET_PROPERTY, jwtSecret));
        try {
            awaitAll(List.of(session, logic, job, gateway1, gateway2));
        } catch (RuntimeException e) {
            // No one can close a cluster whose constructor failed: stop its processes here, or
            // they outlive the test run and load the machine for every later one.
            close();
            throw e;
        }
    }

    public ServiceProcess gateway1() {
        return gateway1;
    }

    public ServiceProcess gateway2() {
        return gateway2;
    }

    /**
     * The first logic instance still running (tests kill and start logic instances on the shared
     * cluster, so this is not always the one started first); the first one if none runs.
     */
    public ServiceProcess logic() {
        return logics.stream().filter(ServiceProcess::isAlive).findFirst().orElse(logic);
    }

    /** Kills every logic instance (as crashes): no consumer of the upstream topic is left. */
    public void killLogics() {
        logics.stream().filter(ServiceProcess::isAlive).forEach(ServiceProcess::kill);
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
        logics.add(p);
        p.awaitReady(READY);
        return p;
    }

    /** Starts one more instance of session or job (its own gRPC port) and waits until it is ready. */
    public ServiceProcess startInstance(String module, String name) {
        ServiceProcess p = start(module, name, Map.of("im.grpc.port", "0"));
        p.awaitReady(READY);
        return p;
    }

    /** Starts one more gateway (a fresh gateway id) and waits until it is ready. */
    public ServiceProcess startGateway(String name) {
        return startGateway(name, Map.of());
    }

    /** As {@link #startGateway(String)}, with properties of its own. */
    public ServiceProcess startGateway(String name, Map<String, String> properties) {
        return startGateway(name, properties, null);
    }

    /**
     * As {@link #startGateway(String, Map)}, serving HTTPS/WSS only when {@code tls} is given
     * (the properties then name its key and certificate; {@code tls} trusts the certificate).
     */
    public ServiceProcess startGateway(String name, Map<String, String> properties,
                                       SSLContext tls) {
        Map<String, String> props = new HashMap<>(properties);
        props.put("im.gateway.id", namespace + "-" + name);
        props.putIfAbsent(JWT_SECRET_PROPERTY, jwtSecret);
        ServiceProcess p = start("gateway", name, props, tls);
        p.awaitReady(READY);
        return p;
    }

    public static Connection database() throws SQLException {
        return DriverManager.getConnection(DATABASE_URL, "root", "");
    }

    private ServiceProcess start(String module, String name, Map<String, String> extra) {
        return start(module, name, extra, null);
    }

    private ServiceProcess start(String module, String name, Map<String, String> extra,
                                 SSLContext tls) {
        Map<String, String> props = new HashMap<>();
        props.put("im.etcd.namespace", "/" + namespace);
        props.put("im.kafka.namespace", namespace);
        props.put("im.kafka.partitions", Integer.toString(TOPIC_PARTITIONS));
        props.put("im.instance.id", namespace + "-" + name + "-" + UUID.randomUUID()
                .toString().substring(0, 4));
        props.put("datasources.default.url", DATABASE_URL);
        // Generous Redis timeouts: on a loaded machine a 2 s handshake at start-up can fail.
        props.put("redis.uri", "redis://127.0.0.1:6379?timeout=10s");
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
        // Suites that kill logic on purpose expect the acks after failover, not a 9002 at 5 s;
        // DegradeIT sets its own short deadline.
        props.put("im.gateway.ws.ack-timeout", "60s");
        // A stopping gateway drains (docs/operations.md); sockets a suite left open must not hold
        // each gateway's stop for the 10 s default. DrainIT sets its own.
        props.put("im.gateway.drain.grace-period", "2s");
        props.put("im.gateway.drain.reconnect-spread", "1s");
        // every gateway of the cluster serves every image: one blob directory, as one volume
        props.put("im.gateway.blobs.dir", root.resolve("infra/target/blobs/" + namespace)
                .toString());
        props.putAll(extra);
        ServiceProcess p = ServiceProcess.start(root, module, name, props, tls);
        synchronized (processes) {
            processes.add(p);
        }
        return p;
    }

    /** Processes and namespaces that killed runs left behind, once per test JVM. */
    private static void reapLeftoversOnce() {
        synchronized (REAPED) {
            if (reaped) {
                return;
            }
            reaped = true;
        }
        int killed = ServiceProcess.reapOrphans();
        if (killed > 0) {
            System.err.println("killed " + killed + " service processes an earlier run left");
        }
        StaleNamespaces.reap();
    }

    private static void awaitAll(List<ServiceProcess> all) {
        CompletableFuture.allOf(all.stream().map(p -> CompletableFuture.runAsync(
                () -> p.awaitReady(READY))).toArray(CompletableFuture[]::new))
                .orTimeout(READY.toSeconds() + 30, TimeUnit.SECONDS).join();
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
        StaleNamespaces.delete(namespace);
    }
}
