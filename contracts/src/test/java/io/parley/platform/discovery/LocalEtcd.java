package io.parley.platform.discovery;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An etcd of the test's own on spare loopback ports, so a test can stop and restart it without
 * touching the shared one on 2379. Dies with the test (stop in a finally, and a shutdown hook).
 */
final class LocalEtcd implements AutoCloseable {
    private final int clientPort;
    private final int peerPort;
    private final Path root;
    private Process process;
    private int generation;

    LocalEtcd() throws IOException {
        clientPort = freePort();
        peerPort = freePort();
        root = Files.createTempDirectory("parley-etcd");
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
    }

    String endpoint() {
        return "http://127.0.0.1:" + clientPort;
    }

    /** Starts etcd; with {@code freshData} on an empty data directory (as if it lost its data). */
    LocalEtcd start(boolean freshData) throws Exception {
        if (freshData) {
            generation++;
        }
        String peer = "http://127.0.0.1:" + peerPort;
        process = new ProcessBuilder(List.of("etcd", "--name", "t",
                "--data-dir", root.resolve("data" + generation).toString(),
                "--listen-client-urls", endpoint(), "--advertise-client-urls", endpoint(),
                "--listen-peer-urls", peer, "--initial-advertise-peer-urls", peer,
                "--initial-cluster", "t=" + peer))
                .redirectErrorStream(true)
                .redirectOutput(root.resolve("etcd.log").toFile())
                .start();
        awaitHealthy();
        return this;
    }

    void stop() {
        Process p = process;
        if (p != null && p.isAlive()) {
            p.destroy();
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() throws IOException {
        stop();
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    private void awaitHealthy() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(endpoint()
                        + "/health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("true")) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("etcd exited: see " + root.resolve("etcd.log"));
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("etcd did not become healthy within 30 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
