package io.parley.infra.cluster;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One real service process, started from its built jar exactly as infra/scripts/up.sh starts it,
 * with its log in {@code target/it-logs}. Ready when {@code /health/readiness} answers 200.
 *
 * <p>It dies with the test JVM: a shutdown hook destroys every process still running (and its
 * descendants). A JVM killed outright runs no hook, so each process carries its owner on its
 * command line ({@value #OWNER_PROPERTY}=pid@start) and the next run kills those whose owner is
 * gone ({@link #reapOrphans()}).
 */
public final class ServiceProcess implements AutoCloseable {
    static final String OWNER_PROPERTY = "parley.it.owner";
    private static final ProcessHandle SELF = ProcessHandle.current();
    private static final String OWNER = SELF.pid() + "@"
            + SELF.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ServiceProcess::destroyLive,
                "service-process-reaper"));
    }

    private final String name;
    private final Process process;
    private final int httpPort;
    private final Path log;
    /** Trusts the instance's certificate when it serves HTTPS only; null for plain HTTP. */
    private final SSLContext tls;

    private ServiceProcess(String name, Process process, int httpPort, Path log, SSLContext tls) {
        this.name = name;
        this.process = process;
        this.httpPort = httpPort;
        this.log = log;
        this.tls = tls;
    }

    static ServiceProcess start(Path root, String module, String name, Map<String, String> props) {
        return start(root, module, name, props, null);
    }

    /**
     * With {@code tls} the instance is started with {@code micronaut.server.ssl.enabled} on its
     * one port (HTTPS only); {@link #http()} is then an https address and readiness is asked
     * over TLS, trusting what {@code tls} trusts.
     */
    static ServiceProcess start(Path root, String module, String name, Map<String, String> props,
                                SSLContext tls) {
        int httpPort = freePort();
        Path jar = root.resolve(module).resolve("target").resolve(module + ".jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build the project first");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-D" + OWNER_PROPERTY + "=" + OWNER,
                "-Dmicronaut.server.port=" + httpPort));
        if (tls != null) {
            command.add("-Dmicronaut.server.ssl.enabled=true");
            command.add("-Dmicronaut.server.ssl.port=" + httpPort);
        }
        props.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", jar.toString()));
        try {
            Path logs = root.resolve("infra/target/it-logs");
            Files.createDirectories(logs);
            Path log = logs.resolve(name + ".log");
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            dieWithTests(p);
            return new ServiceProcess(name, p, httpPort, log, tls);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Kills service processes that an earlier test JVM started and left behind (it was killed
     * before its shutdown hook could run). Returns how many it killed.
     */
    static int reapOrphans() {
        List<ProcessHandle> orphans = ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(ServiceProcess::ownerGone).orElse(false))
                .toList();
        orphans.forEach(ServiceProcess::kill);
        return orphans.size();
    }

    private static boolean ownerGone(String[] arguments) {
        String prefix = "-D" + OWNER_PROPERTY + "=";
        for (String a : arguments) {
            if (a.startsWith(prefix)) {
                String owner = a.substring(prefix.length());
                if (owner.equals(OWNER)) {
                    return false;
                }
                String[] pidAndStart = owner.split("@", 2);
                try {
                    long pid = Long.parseLong(pidAndStart[0]);
                    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                            .map(h -> h.info().startInstant().map(Instant::toEpochMilli)
                                    .orElse(0L).toString().equals(pidAndStart[1]))
                            .map(sameOwner -> !sameOwner).orElse(true);
                } catch (RuntimeException malformed) {
                    return false;
                }
            }
        }
        return false;
    }

    private static void kill(ProcessHandle p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    /** The shutdown hook: SIGTERM to all, SIGKILL to what is still running 10 s later. */
    private static void destroyLive() {
        List<Process> all = List.copyOf(LIVE);
        all.forEach(p -> {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (Process p : all) {
            try {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !p.waitFor(left, TimeUnit.NANOSECONDS)) {
                    kill(p.toHandle());
                }
            } catch (InterruptedException e) {
                kill(p.toHandle());
            }
        }
    }

    /**
     * Registers a process a test started (a browser scenario, say) with the shutdown hook, so
     * that it and its descendants die with the test JVM. Returns it.
     */
    public static Process dieWithTests(Process p) {
        LIVE.add(p);
        p.onExit().thenRun(() -> LIVE.remove(p));
        return p;
    }

    /** Ports {@link #freePort()} gave out in this JVM. */
    private static final java.util.Set<Integer> HANDED_OUT =
            java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * A port the kernel calls free and this test JVM has not handed out before: services started
     * side by side bind theirs only seconds later, and the kernel may offer the same port twice
     * meanwhile (seen: session and logic given one port, logic failed to bind).
     */
    static int freePort() {
        for (int tries = 0; tries < 100; tries++) {
            try (ServerSocket s = new ServerSocket(0)) {
                if (HANDED_OUT.add(s.getLocalPort())) {
                    return s.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no fresh free port in 100 tries");
    }

    public String name() {
        return name;
    }

    /** {@code http://127.0.0.1:<port>}, or {@code https://} for an instance started with TLS. */
    public URI http() {
        return URI.create((tls == null ? "http" : "https") + "://127.0.0.1:" + httpPort);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    void awaitReady(Duration timeout) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1));
        HttpClient client = (tls == null ? builder : builder.sslContext(tls)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited; see " + log);
            }
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(
                        http().resolve("/health/readiness")).timeout(Duration.ofSeconds(2))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " not ready within " + timeout + "; see " + log);
    }

    /** Graceful stop (SIGTERM runs the shutdown hooks); killed if it takes over 20 s. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Abrupt stop, as a crash: no shutdown hooks. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
