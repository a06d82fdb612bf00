package io.parley.loadlab.gate;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.loadlab.run.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GateCheckTest {
    @TempDir
    Path dir;

    private void summary(String scenario, boolean passed, long p99, double perSecond)
            throws IOException {
        Files.createDirectories(dir.resolve(scenario));
        Files.writeString(dir.resolve(scenario).resolve("summary.json"), """
                {"passed": %s, "failures": %s,
                 "ledger": {"sent": 10, "latency": {"p50": 10, "p99": %d},
                            "ackLatency": {"p99": 5}, "fanOut": {"p99": %d},
                            "steps": [{"latency": {"p99": %d}}]},
                 "figures": {"deliveriesPerSecond": %s}}
                """.formatted(passed, passed ? "[]" : "[\"3 acknowledged deliveries lost\"]",
                p99, p99, p99, perSecond));
    }

    private JsonNode baseline() throws IOException {
        return RunSummary.JSON.readTree("""
                {"latencyFactor": 3.0, "latencySlackMs": 250, "throughputFactor": 0.33,
                 "scenarios": {"chat": {"upper": {"/ledger/latency/p99": 100}, "lower": {}},
                               "group": {"upper": {"/ledger/fanOut/p99": 100},
                                         "lower": {"/figures/deliveriesPerSecond": 90}}}}
                """);
    }

    private List<String> check() throws IOException {
        List<String> log = new ArrayList<>();
        return GateCheck.check(dir, baseline(), log::add);
    }

    @Test
    void aRunWithinTheTolerancesPasses() throws IOException {
        summary("chat", true, 500, 0);   // 100 x 3 + 250 = 550 allowed
        summary("group", true, 90, 40);  // 90 x 0.33 = 29.7 required
        assertEquals(List.of(), check());
    }

    @Test
    void aSlowerRunFailsTheSpeedGate() throws IOException {
        summary("chat", true, 600, 0);
        summary("group", true, 90, 20);
        List<String> failures = check();
        assertEquals(2, failures.size(), failures.toString());
        assertTrue(failures.get(0).contains("/ledger/latency/p99 = 600"), failures.toString());
        assertTrue(failures.get(1).contains("deliveriesPerSecond"), failures.toString());
    }

    @Test
    void anyCorrectnessFailureFailsWhateverTheSpeed() throws IOException {
        summary("chat", false, 10, 0);
        summary("group", true, 10, 100);
        List<String> failures = check();
        assertEquals(1, failures.size());
        assertTrue(failures.get(0).contains("lost"));
    }

    @Test
    void aMissingScenarioFails() throws IOException {
        summary("chat", true, 10, 0);
        assertTrue(check().get(0).startsWith("group: no summary.json"));
    }

    @Test
    void theBaselineIsWrittenFromAPassingRun() throws IOException {
        for (String s : List.of("chat", "ratelimit", "ackretry", "group")) {
            summary(s, true, 120, 50);
        }
        Path file = dir.resolve("baseline.json");
        GateCheck.write(dir, file);
        JsonNode b = RunSummary.JSON.readTree(file.toFile());
        assertEquals(120, b.at("/scenarios/chat/upper/~1ledger~1latency~1p99").asLong());
        assertEquals(50.0, b.at("/scenarios/group/lower/~1figures~1deliveriesPerSecond").asDouble());
        assertEquals(3.0, b.path("latencyFactor").asDouble());
        assertEquals(List.of(), GateCheck.check(dir, b, line -> { }));
    }
}
