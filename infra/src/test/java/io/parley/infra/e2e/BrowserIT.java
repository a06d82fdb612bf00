package io.parley.infra.e2e;

import io.parley.infra.cluster.Cluster;
import io.parley.infra.cluster.ClusterExtension;
import io.parley.infra.cluster.ServiceProcess;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two people in real headless Chromium, the web client served by two different gateways of the
 * real system, one scenario per script in web-client/e2e: chat (both register and log in, A
 * writes to B, B answers), friends (search, request, accept, chat, online dots), group (create,
 * join, talk), sync (unread badges and catch-up after being offline, read marks, scrollback).
 * Screenshots land in infra/target/screenshots.
 */
@ExtendWith(ClusterExtension.class)
class BrowserIT {

    @ParameterizedTest
    @ValueSource(strings = {"chat", "friends", "group", "sync"})
    void twoBrowsersOnTwoGatewaysPlayTheScenario(String scenario, Cluster cluster)
            throws Exception {
        play(scenario, cluster);
    }

    /** Runs web-client/e2e/{scenario}.e2e.mjs against the cluster's two gateways. */
    static void play(String scenario, Cluster cluster) throws Exception {
        play(scenario, cluster, Map.of());
    }

    /** As {@link #play(String, Cluster)}, with more environment for the script. */
    static void play(String scenario, Cluster cluster, Map<String, String> env) throws Exception {
        Path root = Path.of(System.getProperty("parley.root", "..")).toAbsolutePath().normalize();
        Path webClient = root.resolve("web-client");
        Path script = webClient.resolve("e2e/" + scenario + ".e2e.mjs");
        assertTrue(Files.exists(script), script + " is missing");
        Path shots = root.resolve("infra/target/screenshots/" + scenario);
        Files.createDirectories(shots);
        Path log = root.resolve("infra/target/it-logs/browser-" + scenario + ".log");

        ProcessBuilder node = new ProcessBuilder("node", script.toString())
                .directory(webClient.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        node.environment().put("BASE_URL_A", cluster.gateway1().http().toString());
        node.environment().put("BASE_URL_B", cluster.gateway2().http().toString());
        node.environment().put("SCREENSHOT_DIR", shots.toString());
        node.environment().putAll(env);
        Process p = ServiceProcess.dieWithTests(node.start());
        boolean finished = p.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            // node and the Chromium it started: nothing outlives the scenario.
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String output = Files.readString(log);
        assertTrue(finished, "browser scenario hung:\n" + output);
        assertEquals(0, p.exitValue(), "browser scenario failed:\n" + output);
        File[] pngs = shots.toFile().listFiles((d, n) -> n.endsWith(".png"));
        assertTrue(pngs != null && pngs.length >= 2, "screenshots of both windows");
    }
}
